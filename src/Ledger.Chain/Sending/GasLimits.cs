namespace Ledger.Chain.Sending;

/// <summary>Turns a gas estimate into the limit to sign, within the configured maximum.</summary>
internal static class GasLimits
{
    /// <summary>
    /// estimate × multiplier + headroom, capped at <see cref="TransactionSenderOptions.MaxGasLimit"/>.
    /// Throws when the estimate alone is above the cap: such a call would run out of gas.
    /// </summary>
    public static ulong FromEstimate(ulong estimate, TransactionSenderOptions options)
    {
        if (estimate > options.MaxGasLimit)
            throw new InvalidOperationException(
                $"The call needs {estimate} gas by eth_estimateGas, above the configured maximum of {options.MaxGasLimit}; " +
                "nothing was sent. Raise MaxGasLimit if the call is meant to cost that much.");
        var scaled = Math.Ceiling(estimate * options.GasEstimateMultiplier) + options.GasHeadroom;
        return scaled >= options.MaxGasLimit ? options.MaxGasLimit : (ulong)scaled;
    }

    /// <summary>Checks a caller-given limit against the cap.</summary>
    public static ulong RequireWithinCap(ulong gasLimit, TransactionSenderOptions options) =>
        gasLimit is > 0 && gasLimit <= options.MaxGasLimit
            ? gasLimit
            : throw new ArgumentOutOfRangeException(nameof(gasLimit), gasLimit,
                $"An explicit gas limit must be between 1 and the configured maximum {options.MaxGasLimit}.");
}

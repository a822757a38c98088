using System.Numerics;

namespace Ledger.Contracts.Ethereum;

/// <summary>How a <see cref="TransactionSender"/> chooses gas and fees and waits for receipts. The defaults suit a QBFT chain with block times of a few seconds.</summary>
public sealed record TransactionSenderOptions
{
    /// <summary>Most call data or init code accepted, in bytes: nodes refuse transactions above 128 KiB; this leaves room for the envelope.</summary>
    public const int DefaultMaxDataBytes = 126 * 1024;

    /// <summary>eth_estimateGas is multiplied by this (1 to 10): estimates are exact for the state they ran on, not the one the transaction meets.</summary>
    public double GasEstimateMultiplier { get; init; } = 1.25;

    /// <summary>Gas added after the multiplier, for calls whose cost varies by a fixed amount (e.g. a first storage write).</summary>
    public ulong GasHeadroom { get; init; } = 10_000;

    /// <summary>No transaction gets more gas than this; a call whose estimate alone is above it is refused before sending.</summary>
    public ulong MaxGasLimit { get; init; } = 15_000_000;

    /// <summary>The EIP-1559 tip (wei); null asks the node (eth_maxPriorityFeePerGas).</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }

    /// <summary>
    /// How long a fee read from the node (tip and latest base fee) serves later sends; zero reads
    /// for every send. Keep it at most a block period: the max fee covers six blocks of base-fee rises.
    /// </summary>
    public TimeSpan FeeLifetime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the receipt is polled while waiting.</summary>
    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Blocks required on top of the one holding the transaction (0 = included is enough; on QBFT a sealed block is final).</summary>
    public int Confirmations { get; init; }

    /// <summary>How long to wait for the receipt (and confirmations) after broadcasting.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a broadcast refused for its nonce ("nonce too low", ...) is re-signed with a fresh nonce before giving up.</summary>
    public int MaxNonceRetries { get; init; } = 3;

    /// <summary>Most call data accepted, in bytes; see <see cref="DefaultMaxDataBytes"/>.</summary>
    public int MaxDataBytes { get; init; } = DefaultMaxDataBytes;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (!(GasEstimateMultiplier >= 1 && GasEstimateMultiplier <= 10))
            throw new ArgumentOutOfRangeException(nameof(GasEstimateMultiplier), GasEstimateMultiplier, "Between 1 and 10.");
        if (MaxGasLimit < 21_000)
            throw new ArgumentOutOfRangeException(nameof(MaxGasLimit), MaxGasLimit, "At least 21000, the cost of a plain transfer.");
        if (GasHeadroom > MaxGasLimit)
            throw new ArgumentOutOfRangeException(nameof(GasHeadroom), GasHeadroom, "Not above MaxGasLimit.");
        if (MaxPriorityFeePerGas is { Sign: < 0 })
            throw new ArgumentOutOfRangeException(nameof(MaxPriorityFeePerGas), MaxPriorityFeePerGas, "A tip is 0 or more.");
        if (ReceiptPollInterval <= TimeSpan.Zero || ReceiptPollInterval > TimeSpan.FromDays(1))
            throw new ArgumentOutOfRangeException(nameof(ReceiptPollInterval), ReceiptPollInterval, "Above 0 and at most one day.");
        if (ReceiptTimeout <= TimeSpan.Zero || ReceiptTimeout > TimeSpan.FromDays(1))
            throw new ArgumentOutOfRangeException(nameof(ReceiptTimeout), ReceiptTimeout, "Above 0 and at most one day.");
        if (FeeLifetime < TimeSpan.Zero || FeeLifetime > TimeSpan.FromMinutes(1))
            throw new ArgumentOutOfRangeException(nameof(FeeLifetime), FeeLifetime, "Between 0 and one minute.");
        if (Confirmations is < 0 or > 1_000)
            throw new ArgumentOutOfRangeException(nameof(Confirmations), Confirmations, "Between 0 and 1000 blocks.");
        if (MaxNonceRetries is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(MaxNonceRetries), MaxNonceRetries, "Between 0 and 100.");
        if (MaxDataBytes is < 0 or > 1024 * 1024)
            throw new ArgumentOutOfRangeException(nameof(MaxDataBytes), MaxDataBytes, "Between 0 and 1 MiB.");
    }

    /// <summary>The gas limit for an estimate: scaled, plus headroom, capped.</summary>
    /// <exception cref="InvalidOperationException">The estimate alone is above <see cref="MaxGasLimit"/>.</exception>
    internal ulong GasLimitFor(ulong estimate)
    {
        if (estimate > MaxGasLimit)
            throw new InvalidOperationException(
                $"The call needs {estimate} gas by eth_estimateGas, above the configured maximum of {MaxGasLimit}; nothing was sent.");
        var scaled = Math.Ceiling(estimate * GasEstimateMultiplier) + GasHeadroom;
        return scaled >= MaxGasLimit ? MaxGasLimit : (ulong)scaled;
    }
}

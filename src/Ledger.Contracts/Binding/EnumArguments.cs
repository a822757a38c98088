namespace Ledger.Contracts.Binding;

/// <summary>
/// Refuses enum values the contract does not define before anything is sent: Solidity's ABI
/// decoder rejects them with empty revert data, which would tell the caller nothing.
/// </summary>
internal static class EnumArguments
{
    public static TEnum Require<TEnum>(TEnum value, string parameterName)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, $"Not a {typeof(TEnum).Name} the contract defines.");
}

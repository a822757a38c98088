using System.Numerics;

namespace Ledger.Chain.Transactions;

/// <summary>Checks that amounts (value, fees) fit Ethereum's uint256.</summary>
internal static class UInt256Range
{
    /// <summary>2^256 - 1.</summary>
    internal static readonly BigInteger MaxValue = (BigInteger.One << 256) - 1;

    /// <summary>Returns <paramref name="value"/> when 0 ≤ value ≤ 2^256 - 1, else throws naming the field.</summary>
    internal static BigInteger Require(BigInteger value, string field) =>
        value.Sign >= 0 && value <= MaxValue
            ? value
            : throw new ArgumentOutOfRangeException(field, $"{field} must be between 0 and 2^256 - 1.");
}

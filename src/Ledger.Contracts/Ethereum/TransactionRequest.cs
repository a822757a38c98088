using System.Globalization;
using System.Numerics;
using Ledger.Core.Primitives;

namespace Ledger.Contracts.Ethereum;

/// <summary>What to send: recipient, call data, value and, optionally, a fixed gas limit.</summary>
/// <param name="To">The contract or account called; null deploys a contract with <paramref name="Data"/> as init code.</param>
/// <param name="Data">Call data (selector and ABI-encoded arguments) or init code.</param>
/// <param name="Value">Wei sent with the transaction (0 or more).</param>
/// <param name="GasLimit">A gas limit to use as is, skipping eth_estimateGas; null to estimate.</param>
public sealed record TransactionRequest(Address? To, ReadOnlyMemory<byte> Data, BigInteger Value = default, ulong? GasLimit = null)
{
    /// <summary>Names the request without dumping its data.</summary>
    public override string ToString() =>
        $"TransactionRequest {{ To = {To?.ToString() ?? "(deploy)"}, Data = {Data.Length} bytes, " +
        $"Value = {Value.ToString(CultureInfo.InvariantCulture)}, GasLimit = {GasLimit?.ToString(CultureInfo.InvariantCulture) ?? "estimate"} }}";
}

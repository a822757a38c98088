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
    /// <summary>
    /// What must be done before the transaction may reach the node (a gateway keeps the document
    /// a registration anchors): run once the gas estimate found that the call would succeed, and
    /// before a nonce is reserved, so that it neither runs for a call that would revert nor holds
    /// up the account's other sends. When it throws, nothing is sent and no nonce is used.
    /// </summary>
    public Func<CancellationToken, Task>? BeforeBroadcast { get; init; }

    /// <summary>Names the request without dumping its data.</summary>
    public override string ToString() =>
        $"TransactionRequest {{ To = {To?.ToString() ?? "(deploy)"}, Data = {Data.Length} bytes, " +
        $"Value = {Value.ToString(CultureInfo.InvariantCulture)}, GasLimit = {GasLimit?.ToString(CultureInfo.InvariantCulture) ?? "estimate"} }}";
}

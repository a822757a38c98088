using System.Numerics;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Rpc;

/// <summary>A message call for eth_call and eth_estimateGas. Unset members are left to the node.</summary>
public sealed record CallRequest
{
    /// <summary>The contract called; null simulates a contract creation with <see cref="Data"/> as init code.</summary>
    public Address? To { get; init; }

    /// <summary>Call data (selector and ABI-encoded arguments). Do not mutate: records share it.</summary>
    public byte[]? Data { get; init; }

    /// <summary>The sender the call runs as (msg.sender); matters for access-controlled functions.</summary>
    public Address? From { get; init; }

    /// <summary>Wei sent with the call.</summary>
    public BigInteger? Value { get; init; }

    /// <summary>Gas limit for the call.</summary>
    public ulong? Gas { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"CallRequest {{ To = {To?.ToString() ?? "(create)"}, From = {From?.ToString() ?? "-"}, Data = {Data?.Length ?? 0} bytes }}";
}

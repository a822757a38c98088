using Ledger.Core.Primitives;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// A client that makes eth_call itself and returns the call's bytes, without Nethereum's JSON
/// handling (as <see cref="NodePool"/> does with its lean clients). A binding given an
/// <see cref="IClient"/> that is also an <see cref="IEthCaller"/> calls through it; any other
/// client goes through Nethereum's eth_call. So a wrapper around a pool (e.g. to intercept
/// requests) implements this too, or its bindings lose the lean path; its <see cref="CallAsync"/>
/// must apply the wrapper's own interception before forwarding, since eth_calls made through it
/// never pass the wrapper's <see cref="IClient"/> methods. Internal until such a wrapper exists.
/// </summary>
internal interface IEthCaller
{
    /// <summary>
    /// eth_call of <paramref name="data"/> to <paramref name="to"/> at <paramref name="block"/> (the
    /// newest when null); the bytes the call returned, empty when none. A revert is
    /// <see cref="RpcResponseException"/> with its data, as from Nethereum's eth_call.
    /// </summary>
    /// <param name="to">The contract called.</param>
    /// <param name="data">The calldata.</param>
    /// <param name="block">The block to call at; null for the newest.</param>
    /// <param name="cancellationToken">Ends the call.</param>
    Task<byte[]> CallAsync(Address to, ReadOnlyMemory<byte> data, BlockParameter? block, CancellationToken cancellationToken);
}

using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Chain;

/// <summary>
/// The gateway's view of the chain: the node pool (failover over <c>Chain:RpcUrls</c>), the two
/// contracts and read-only calls against them. One per process.
/// </summary>
public sealed class LedgerChain : IDisposable
{
    private readonly RpcEndpointPool _pool;

    /// <summary>Creates the pool and resolves the contract addresses from the options.</summary>
    public LedgerChain(IOptions<GatewayChainOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        Addresses = ContractAddresses.Resolve(value);
        Confirmations = value.Confirmations;
        FirstBlock = value.FollowerStartBlock != 0 ? value.FollowerStartBlock : Addresses.DeploymentBlock;
        _pool = new RpcEndpointPool(value.RpcUrls.Select(url => new Uri(url)), timeProvider: timeProvider);
    }

    /// <summary>The node pool; every chain call of the gateway goes through it.</summary>
    public IRpcClient Rpc => _pool;

    /// <summary>Where the contracts live.</summary>
    public ContractAddresses Addresses { get; }

    /// <summary>Blocks required on top of an event's block before the follower applies it.</summary>
    public int Confirmations { get; }

    /// <summary>First block worth reading events from: <c>Chain:FollowerStartBlock</c>, else the deployment block of the record, else 0.</summary>
    public ulong FirstBlock { get; }

    /// <summary>Calls a view function of the PermitRegistry and decodes its outputs.</summary>
    public Task<AbiTuple> CallPermitRegistryAsync(string function, BlockTag? block, CancellationToken ct, params object?[] arguments) =>
        CallAsync(Addresses.PermitRegistry, LedgerContractAbis.PermitRegistry.GetFunction(function), block, ct, arguments);

    /// <summary>Calls a view function of the AuthorityRegistry and decodes its outputs.</summary>
    public Task<AbiTuple> CallAuthorityRegistryAsync(string function, BlockTag? block, CancellationToken ct, params object?[] arguments) =>
        CallAsync(Addresses.AuthorityRegistry, LedgerContractAbis.AuthorityRegistry.GetFunction(function), block, ct, arguments);

    /// <summary>The number of the newest block the node has.</summary>
    public Task<ulong> GetBlockNumberAsync(CancellationToken ct) => _pool.GetBlockNumberAsync(ct);

    /// <inheritdoc />
    public void Dispose() => _pool.Dispose();

    private async Task<AbiTuple> CallAsync(Address contract, AbiFunction function, BlockTag? block, CancellationToken ct, object?[] arguments)
    {
        var output = await _pool.CallAsync(new CallRequest { To = contract, Data = function.EncodeCall(arguments) }, block, ct).ConfigureAwait(false);
        return function.DecodeOutput(output);
    }
}

using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Permits;
using Microsoft.Extensions.Options;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;

namespace Ledger.Gateway.Chain;

/// <summary>
/// The gateway's view of the chain: the node pool (failover over <c>Chain:RpcUrls</c>) and the
/// typed bindings of the two contracts (Ledger.Contracts), read-only or sending from an
/// authority's key. One per process.
/// </summary>
public sealed class LedgerChain : IDisposable
{
    private readonly NodePool _pool;

    /// <summary>Creates the pool and resolves the contract addresses from the options.</summary>
    public LedgerChain(IOptions<GatewayChainOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        Addresses = ContractAddresses.Resolve(value);
        Confirmations = value.Confirmations;
        FirstBlock = value.FollowerStartBlock != 0 ? value.FollowerStartBlock : Addresses.DeploymentBlock;
        _pool = new NodePool(value.RpcUrls.Select(url => new Uri(url)), timeProvider: timeProvider);
        Web3 = new Web3(_pool);
        PermitRegistry = new PermitRegistryContract(Addresses.PermitRegistry, _pool);
        AuthorityRegistry = new AuthorityRegistryContract(Addresses.AuthorityRegistry, _pool);
    }

    /// <summary>The node pool; every chain call of the gateway goes through it.</summary>
    public IClient Rpc => _pool;

    /// <summary>Nethereum's Web3 over the node pool, for plain node reads (blocks, chain id).</summary>
    public IWeb3 Web3 { get; }

    /// <summary>The node pool itself, for its endpoints' health.</summary>
    public NodePool Nodes => _pool;

    /// <summary>Where the contracts live.</summary>
    public ContractAddresses Addresses { get; }

    /// <summary>Blocks required on top of an event's block before the follower applies it.</summary>
    public int Confirmations { get; }

    /// <summary>First block worth reading events from: <c>Chain:FollowerStartBlock</c>, else the deployment block of the record, else 0.</summary>
    public ulong FirstBlock { get; }

    /// <summary>The PermitRegistry, for reads and events (it cannot send).</summary>
    public PermitRegistryContract PermitRegistry { get; }

    /// <summary>The AuthorityRegistry, for reads and events (it cannot send).</summary>
    public AuthorityRegistryContract AuthorityRegistry { get; }

    /// <summary>The PermitRegistry bound to <paramref name="sender"/>, whose account is msg.sender of its writes.</summary>
    public PermitRegistryContract PermitRegistryFor(ITransactionSender sender) => new(Addresses.PermitRegistry, _pool, sender);

    /// <summary>The AuthorityRegistry bound to <paramref name="sender"/>, whose account is msg.sender of its writes.</summary>
    public AuthorityRegistryContract AuthorityRegistryFor(ITransactionSender sender) => new(Addresses.AuthorityRegistry, _pool, sender);

    /// <summary>The number of the newest block the node has.</summary>
    public async Task<ulong> GetBlockNumberAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return (ulong)(await Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().ConfigureAwait(false)).Value;
    }

    /// <summary>The timestamp of block <paramref name="number"/>; the Unix epoch when the node does not have it.</summary>
    public async Task<DateTimeOffset> GetBlockTimeAsync(ulong number, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var block = await Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
            .SendRequestAsync(new Nethereum.RPC.Eth.DTOs.BlockParameter(number)).ConfigureAwait(false);
        return block is null ? DateTimeOffset.UnixEpoch : DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }

    /// <inheritdoc />
    public void Dispose() => _pool.Dispose();
}

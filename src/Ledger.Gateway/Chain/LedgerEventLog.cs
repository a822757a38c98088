using Ledger.Chain.Logs;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Core.Permits;

namespace Ledger.Gateway.Chain;

/// <summary>Reads the contracts' events: the PermitRegistry's (all, or one permit key's) and the AuthorityRegistry's status changes.</summary>
internal sealed class LedgerEventLog(LedgerChain chain)
{
    /// <summary>Blocks per eth_getLogs call; the reader halves a page a node calls too large.</summary>
    public const int BlocksPerPage = 5_000;

    private readonly LogReader _reader = new(chain.Rpc);

    /// <summary>The events about <paramref name="key"/> (registered, cancelled, replaced as the old permit, shipments, arrivals) in blocks <paramref name="from"/>..<paramref name="to"/>.</summary>
    public IAsyncEnumerable<DecodedLog> ReadAsync(PermitKey key, ulong from, ulong to, CancellationToken ct)
    {
        var filter = new LogFilter
        {
            Addresses = [chain.Addresses.PermitRegistry],
            Topics = [null, [new Hash32(key.Value.ToArray())]],
        };
        return _reader.ReadDecodedAsync(filter, from, to, BlocksPerPage, LedgerContractAbis.PermitRegistry, cancellationToken: ct);
    }

    /// <summary>The AuthorityRegistry's AuthorityStatusChanged events in blocks <paramref name="from"/>..<paramref name="to"/>.</summary>
    public IAsyncEnumerable<DecodedLog> ReadStatusChangesAsync(ulong from, ulong to, CancellationToken ct)
    {
        var topic = new Hash32(LedgerContractAbis.AuthorityRegistry.GetEvent("AuthorityStatusChanged").Topic0);
        var filter = new LogFilter { Addresses = [chain.Addresses.AuthorityRegistry], Topics = [[topic]] };
        return _reader.ReadDecodedAsync(filter, from, to, BlocksPerPage, LedgerContractAbis.AuthorityRegistry, cancellationToken: ct);
    }

    /// <summary>Every PermitRegistry event in blocks <paramref name="from"/>..<paramref name="to"/>.</summary>
    public IAsyncEnumerable<DecodedLog> ReadAllAsync(ulong from, ulong to, CancellationToken ct)
    {
        var filter = new LogFilter { Addresses = [chain.Addresses.PermitRegistry] };
        return _reader.ReadDecodedAsync(filter, from, to, BlocksPerPage, LedgerContractAbis.PermitRegistry, cancellationToken: ct);
    }
}

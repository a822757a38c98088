using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Core.Permits;

namespace Ledger.Gateway.Chain;

/// <summary>Reads the contracts' typed events: the PermitRegistry's (all, or one permit key's) and the AuthorityRegistry's status changes.</summary>
internal sealed class LedgerEventLog(LedgerChain chain)
{
    /// <summary>Blocks per eth_getLogs call; the reader halves a page a node calls too large.</summary>
    public const int BlocksPerPage = 5_000;

    /// <summary>The events about <paramref name="key"/> (registered, cancelled, replaced as the old permit, shipments, arrivals) in blocks <paramref name="from"/>..<paramref name="to"/>.</summary>
    public IAsyncEnumerable<ContractEvent> ReadAsync(PermitKey key, ulong from, ulong to, CancellationToken ct) =>
        chain.PermitRegistry.ReadPermitEventsAsync(key.Value, from, to, BlocksPerPage, ct);

    /// <summary>
    /// The AuthorityRegistry's AuthorityStatusChanged events in blocks <paramref name="from"/>..<paramref name="to"/>
    /// (read with the registry's other governance events, which are few, and skipped here).
    /// </summary>
    public IAsyncEnumerable<AuthorityStatusChanged> ReadStatusChangesAsync(ulong from, ulong to, CancellationToken ct) =>
        chain.AuthorityRegistry.ReadEventsAsync(from, to, BlocksPerPage, ct).OfType<AuthorityStatusChanged>();

    /// <summary>Every PermitRegistry event in blocks <paramref name="from"/>..<paramref name="to"/>.</summary>
    public IAsyncEnumerable<ContractEvent> ReadAllAsync(ulong from, ulong to, CancellationToken ct) =>
        chain.PermitRegistry.ReadEventsAsync(from, to, BlocksPerPage, ct);
}

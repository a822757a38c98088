using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Follower;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Application;

/// <summary>
/// WatchPermits: a stream of permit events concerning the caller's country (as issuer or
/// destination), optionally starting with the history from a block, then live from the
/// follower, with checkpoint blocks so a client can resume after a disconnect.
/// </summary>
internal sealed class WatchPermitsHandler(LedgerAccess ledger, PermitWatchHub hub)
{
    /// <summary>Streams until the client leaves.</summary>
    public async Task HandleAsync(WatchPermitsRequest request, IServerStreamWriter<WatchPermitsResponse> stream, CallerIdentity caller, CancellationToken ct)
    {
        var country = await ledger.CallerCountryAsync(caller, ct).ConfigureAwait(false);
        var filter = new WatchFilter(country, request.Kinds.Where(k => k != PermitEventKind.Unspecified).ToHashSet());
        using var subscription = hub.Subscribe(filter);
        (ulong Block, uint LogIndex)? replayedThrough = null;
        if (request.HasFromBlock)
            replayedThrough = await ReplayAsync(request.FromBlock, filter, stream, ct).ConfigureAwait(false);

        await foreach (var item in subscription.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (item.ItemCase == WatchPermitsResponse.ItemOneofCase.Event)
            {
                var entry = item.Event.Entry;
                // Events the replay already sent arrive again from the live queue: skip them. The hub sends only events the filter wants.
                if (replayedThrough is { } last && (entry.BlockNumber, entry.LogIndex).CompareTo(last) <= 0)
                    continue;
            }
            await stream.WriteAsync(item, ct).ConfigureAwait(false);
        }
    }

    private async Task<(ulong, uint)?> ReplayAsync(ulong fromBlock, WatchFilter filter, IServerStreamWriter<WatchPermitsResponse> stream, CancellationToken ct)
    {
        var head = await ledger.Reader.Chain.GetBlockNumberAsync(ct).ConfigureAwait(false);
        if (fromBlock > head)
            return null;
        (ulong, uint)? last = null;
        // In chunks, so that the chunk's node reads go out together instead of one event at a time.
        await foreach (var chunk in ledger.Events.ReadAllAsync(fromBlock, head, ct).Chunk(ReplayChunk).ConfigureAwait(false))
        {
            var wanted = chunk.Where(log => HistoryEntryBuilder.KindOf(log) is { } kind && filter.MayWant(kind)).ToList();
            var builder = new HistoryEntryBuilder(ledger.Reader);
            await builder.PrefetchAsync(wanted, head, ct).ConfigureAwait(false);
            foreach (var log in wanted)
            {
                if (await builder.BuildEventAsync(log, ct).ConfigureAwait(false) is not { } permitEvent)
                    continue;
                last = (permitEvent.Entry.BlockNumber, permitEvent.Entry.LogIndex);
                if (filter.Wants(permitEvent))
                    await stream.WriteAsync(new WatchPermitsResponse { Event = permitEvent }, ct).ConfigureAwait(false);
            }
        }
        await stream.WriteAsync(new WatchPermitsResponse { CheckpointBlock = head }, ct).ConfigureAwait(false);
        return last ?? (head, uint.MaxValue);
    }

    /// <summary>Events replayed per batch of node reads.</summary>
    private const int ReplayChunk = 500;
}

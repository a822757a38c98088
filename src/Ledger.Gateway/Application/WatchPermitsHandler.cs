using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Core.Countries;
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
        var kinds = request.Kinds.Where(k => k != PermitEventKind.Unspecified).ToHashSet();
        using var subscription = hub.Subscribe();
        (ulong Block, uint LogIndex)? replayedThrough = null;
        if (request.HasFromBlock)
            replayedThrough = await ReplayAsync(request.FromBlock, country, kinds, stream, ct).ConfigureAwait(false);

        await foreach (var item in subscription.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (item.ItemCase == WatchPermitsResponse.ItemOneofCase.Event)
            {
                var entry = item.Event.Entry;
                // Events the replay already sent arrive again from the live queue: skip them.
                if (replayedThrough is { } last && (entry.BlockNumber, entry.LogIndex).CompareTo(last) <= 0)
                    continue;
                if (!Concerns(item.Event, country, kinds))
                    continue;
            }
            await stream.WriteAsync(item, ct).ConfigureAwait(false);
        }
    }

    private async Task<(ulong, uint)?> ReplayAsync(
        ulong fromBlock, CountryCode country, HashSet<PermitEventKind> kinds, IServerStreamWriter<WatchPermitsResponse> stream, CancellationToken ct)
    {
        var head = await ledger.Reader.Chain.GetBlockNumberAsync(ct).ConfigureAwait(false);
        if (fromBlock > head)
            return null;
        var builder = new HistoryEntryBuilder(ledger.Reader);
        (ulong, uint)? last = null;
        await foreach (var log in ledger.Events.ReadAllAsync(fromBlock, head, ct).ConfigureAwait(false))
        {
            if (await builder.BuildEventAsync(log, ct).ConfigureAwait(false) is not { } permitEvent)
                continue;
            last = (permitEvent.Entry.BlockNumber, permitEvent.Entry.LogIndex);
            if (Concerns(permitEvent, country, kinds))
                await stream.WriteAsync(new WatchPermitsResponse { Event = permitEvent }, ct).ConfigureAwait(false);
        }
        await stream.WriteAsync(new WatchPermitsResponse { CheckpointBlock = head }, ct).ConfigureAwait(false);
        return last ?? (head, uint.MaxValue);
    }

    private static bool Concerns(PermitEvent permitEvent, CountryCode country, HashSet<PermitEventKind> kinds) =>
        (permitEvent.IssuingCountry == country.Value || permitEvent.DestinationCountry == country.Value)
        && (kinds.Count == 0 || kinds.Contains(permitEvent.Entry.Kind));
}

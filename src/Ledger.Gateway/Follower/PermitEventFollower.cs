using Nethereum.RPC.Eth.DTOs;
using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Permits;
using Ledger.Gateway.Application;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Stores;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Follower;

/// <summary>
/// Follows the PermitRegistry's events (and the AuthorityRegistry's status changes) from the stored checkpoint, <c>Chain:Confirmations</c>
/// blocks behind the head: per range it invalidates the cached verifications of the permits the
/// range changed (a few cache calls), builds entries only for events some observer may want
/// (<see cref="IPermitEventObserver.MayWant"/>; none while nobody watches), reading what they need
/// concurrently and once per range, tells the observers (WatchPermits subscribers), appends the
/// logs to the history index and stores the checkpoint. Applying is idempotent (invalidation, and
/// observers see each event's block and log index), so a restart that re-reads the last range
/// misses nothing and harms nothing.
/// </summary>
internal sealed partial class PermitEventFollower(
    LedgerChain chain,
    LedgerReader reader,
    LedgerEventLog events,
    ICheckpointStore checkpoints,
    AuthorityStatusChanges statusChanges,
    PermitLogIndex history,
    WritePipeline writes,
    IEnumerable<IPermitEventObserver> observers,
    IOptions<GatewayChainOptions> options,
    TimeProvider time,
    ILogger<PermitEventFollower> logger) : BackgroundService
{
    /// <summary>The checkpoint's name in the store.</summary>
    public const string Name = "permit-events";

    /// <summary>Most blocks applied before a checkpoint is stored.</summary>
    public const ulong BlocksPerRange = 2_000;

    /// <summary>
    /// Events after which a range ends early (at a block boundary; a single larger block is applied
    /// whole): under a bulk load, checkpoints keep coming and watchers' queues stay short.
    /// </summary>
    public const int EventsPerRange = 5_000;

    /// <summary>How long a range already being applied may still take to reach its checkpoint once the host stops.</summary>
    public static readonly TimeSpan CommitTimeout = TimeSpan.FromSeconds(10);

    private readonly IPermitEventObserver[] _observers = observers.ToArray();

    // Blocks the next range reads, and where a range read ends (EventsPerRange).
    private readonly RangeWindow _window = new(BlocksPerRange, EventsPerRange);

    /// <summary>The last block applied (and checkpointed, unless the store was unavailable), or null before the first.</summary>
    public ulong? AppliedThrough { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pollInterval = options.Value.FollowerPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var caughtUp = true;
            try
            {
                AppliedThrough ??= await LoadCheckpointAsync(stoppingToken).ConfigureAwait(false);
                caughtUp = await ApplyNextRangeAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Node or store trouble: keep the position and try again next poll.
                LogFollowFailed(e.GetType().Name, e.Message);
            }
            if (caughtUp)
                await Task.Delay(pollInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<ulong?> LoadCheckpointAsync(CancellationToken ct)
    {
        var checkpoint = await checkpoints.LoadAsync(Name, ct).ConfigureAwait(false);
        var start = chain.FirstBlock;
        LogResuming(checkpoint?.BlockNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", start);
        if (checkpoint is not null)
            return checkpoint.BlockNumber;
        return start == 0 ? null : start - 1;
    }

    /// <summary>Applies the next range of confirmed blocks; true when the follower has caught up.</summary>
    private async Task<bool> ApplyNextRangeAsync(CancellationToken ct)
    {
        var head = await chain.GetBlockNumberAsync(ct).ConfigureAwait(false);
        if (head < (ulong)chain.Confirmations)
            return true;
        var confirmed = head - (ulong)chain.Confirmations;
        var from = AppliedThrough is { } applied ? applied + 1 : 0;
        if (from > confirmed)
            return true;
        var to = _window.LastBlock(from, confirmed);

        // Reading is cancellable: nothing has been applied yet. Once applying starts, the range
        // runs to its checkpoint even when the host is stopping (bounded by CommitTimeout), so a
        // graceful restart never hands observers the same events twice. Only a crash between
        // applying and saving can replay a range, which the idempotent appliers tolerate.
        var statusChangesInRange = new List<AuthorityStatusChanged>();
        await foreach (var change in events.ReadStatusChangesAsync(from, to, ct).ConfigureAwait(false))
            statusChangesInRange.Add(change);
        var logs = new List<ContractEvent>();
        await foreach (var log in events.ReadAllAsync(from, to, ct).ConfigureAwait(false))
            logs.Add(log);
        to = _window.End(from, to, logs);
        statusChangesInRange.RemoveAll(change => change.Log.BlockNumber > to);
        var header = await chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(to)).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The node does not have block {to}, which it reported as confirmed.");

        // Not a timeout on the pass itself: under heavy load a range takes as long as it takes,
        // and cancelling it would re-apply the same range forever (seen by the load program).
        // The grace starts only when the host stops.
        using var commit = new CancellationTokenSource();
        using var stopping = ct.Register(() => commit.CancelAfter(CommitTimeout));
        foreach (var change in statusChangesInRange)
            statusChanges.Record(change.Account, change.Log.BlockNumber);
        await writes.InvalidateBatchAsync(ChangedPermits(logs)).ConfigureAwait(false);
        await NotifyAsync(logs, to, commit.Token).ConfigureAwait(false);
        await checkpoints.SaveAsync(Name, new BlockCheckpoint(to, header.BlockHash.ToLowerInvariant()), commit.Token).ConfigureAwait(false);
        history.Append(from, to, logs);
        AppliedThrough = to;
        foreach (var observer in _observers)
            await observer.OnCheckpointAsync(to, commit.Token).ConfigureAwait(false);
        return to == confirmed;
    }

    /// <summary>
    /// Every permit whose verification the events change (the event's permit, and a replacement's
    /// new permit), each with the block of its last change in the range: an answer read at that
    /// block or later saw every change the range holds.
    /// </summary>
    private static List<PermitChange> ChangedPermits(IEnumerable<ContractEvent> logs)
    {
        var changedAt = new Dictionary<string, ulong>(StringComparer.Ordinal);
        void Changed(string key, ulong block) =>
            changedAt[key] = changedAt.TryGetValue(key, out var seen) ? Math.Max(seen, block) : block;
        foreach (var log in logs)
        {
            var block = log.Log.BlockNumber;
            if (PermitRegistryEvents.PermitOf(log) is { } permit)
                Changed(permit.ToString(), block);
            if (log is PermitReplaced replaced)
                Changed(replaced.NewKey.ToString(), block);
        }
        return changedAt.Select(pair => new PermitChange(pair.Key, pair.Value)).ToList();
    }

    /// <summary>Builds the events some observer may want (their node reads together, at the range's last block) and hands them over in chain order.</summary>
    private async Task NotifyAsync(List<ContractEvent> logs, ulong to, CancellationToken ct)
    {
        // Who wants which kind is asked once per range, not once per event (a range holds up to thousands).
        var observersOf = Enum.GetValues<Ledger.Api.V1.PermitEventKind>()
            .ToDictionary(kind => kind, kind => _observers.Where(o => o.MayWant(kind)).ToArray());
        var wanted = logs.Where(log => HistoryEntryBuilder.KindOf(log) is { } kind && observersOf[kind].Length > 0).ToList();
        if (wanted.Count == 0)
            return;
        var builder = new HistoryEntryBuilder(reader);
        await builder.PrefetchAsync(wanted, to, ct).ConfigureAwait(false);
        foreach (var log in wanted)
        {
            if (await builder.BuildEventAsync(log, ct).ConfigureAwait(false) is not { } permitEvent)
                continue;
            foreach (var observer in observersOf[permitEvent.Entry.Kind])
                await observer.OnPermitEventAsync(permitEvent, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Permit event follower starts after checkpoint {Checkpoint} (configured start block {StartBlock})")]
    private partial void LogResuming(string checkpoint, ulong startBlock);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Permit event follower paused by {ErrorType}: {Reason}; retrying")]
    private partial void LogFollowFailed(string errorType, string reason);
}

using Ledger.Gateway.Chain;

namespace Ledger.Gateway.Follower;

/// <summary>
/// After a restart the follower resumes at its checkpoint, so the index lacks the blocks
/// before it. This reads them once, newest range first, in the background; until it is done,
/// history queries read those blocks from the node as before.
/// </summary>
internal sealed partial class PermitLogIndexBackfill(
    PermitLogIndex index, LedgerEventLog events, LedgerChain chain, TimeProvider time, ILogger<PermitLogIndexBackfill> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (index.Covered is null)
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken).ConfigureAwait(false);
            while (index.Covered is { } covered && covered.From > chain.FirstBlock)
            {
                var to = covered.From - 1;
                var from = to + 1 > PermitEventFollower.BlocksPerRange + chain.FirstBlock ? to + 1 - PermitEventFollower.BlocksPerRange : chain.FirstBlock;
                try
                {
                    var logs = new List<Ledger.Contracts.ContractEvent>();
                    await foreach (var log in events.ReadAllAsync(from, to, stoppingToken).ConfigureAwait(false))
                        logs.Add(log);
                    index.Prepend(from, to, logs);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogBackfillPaused(e.GetType().Name, e.Message);
                    await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken).ConfigureAwait(false);
                }
            }
            LogBackfilled(index.Covered?.From ?? chain.FirstBlock);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Permit history index holds every event from block {FirstBlock}")]
    private partial void LogBackfilled(ulong firstBlock);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Permit history backfill paused by {ErrorType}: {Reason}; retrying")]
    private partial void LogBackfillPaused(string errorType, string reason);
}

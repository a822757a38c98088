using Grpc.Core;

namespace Ledger.Drills.Support;

/// <summary>How a write ended for its client, after every retry.</summary>
internal enum WriteEnd
{
    /// <summary>The gateway answered with a receipt (first or replayed).</summary>
    Succeeded,

    /// <summary>The gateway refused with a status a client does not retry (e.g. FAILED_PRECONDITION): a clean failure.</summary>
    Refused,

    /// <summary>Still failing with retryable statuses when the client's patience ran out.</summary>
    GaveUp,
}

/// <summary>A write's end, the status that ended it (refusals and give-ups) with its detail, and how many calls it took.</summary>
internal sealed record WriteOutcome(WriteEnd End, StatusCode? Status, int Calls, string? Detail = null)
{
    /// <summary>Calls beyond the first.</summary>
    public int Retries => Calls - 1;
}

/// <summary>
/// A client as a real one behaves: it sends a write with its request ID and, while the answer is
/// one that says "try again" (UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED, or RESOURCE_EXHAUSTED from
/// the rate limit), sends the very same request again after a growing pause, until its patience
/// runs out. The request ID is what makes this safe: the gateway answers a retry with the first
/// result instead of writing again.
/// </summary>
internal static class RetryingCaller
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    /// <summary>True for the statuses a client retries with the same request ID.</summary>
    public static bool IsRetryable(StatusCode status) =>
        status is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted or StatusCode.ResourceExhausted;

    /// <summary>Calls <paramref name="call"/> (given each attempt's deadline) until it succeeds, is refused, or <paramref name="patience"/> has passed.</summary>
    public static async Task<WriteOutcome> CallAsync(Func<DateTime, CancellationToken, Task> call, TimeSpan attemptTimeout, TimeSpan patience,
        CancellationToken cancellationToken)
    {
        var giveUpAt = DateTime.UtcNow + patience;
        var pause = FirstPause;
        for (var calls = 1; ; calls++)
        {
            try
            {
                await call(DateTime.UtcNow + attemptTimeout, cancellationToken);
                return new WriteOutcome(WriteEnd.Succeeded, null, calls);
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                if (!IsRetryable(e.StatusCode))
                    return new WriteOutcome(WriteEnd.Refused, e.StatusCode, calls, e.Status.Detail);
                if (DateTime.UtcNow + pause > giveUpAt)
                    return new WriteOutcome(WriteEnd.GaveUp, e.StatusCode, calls, e.Status.Detail);
            }
            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }
}

using Ledger.Benchmarks.Load;

namespace Ledger.Benchmarks.Tests;

public class ClosedLoopTests
{
    [Fact]
    public async Task Every_client_calls_and_each_completed_call_has_a_latency()
    {
        var callsByClient = new int[4];
        var result = await ClosedLoop.RunAsync("yield", 4, TimeSpan.Zero, TimeSpan.FromMilliseconds(200), async (client, _) =>
        {
            Interlocked.Increment(ref callsByClient[client]);
            await Task.Yield();
        }, CancellationToken.None);

        Assert.True(callsByClient.All(c => c > 0), $"calls {string.Join(",", callsByClient)} completed {result.Completed} failed {result.Failed} window {result.Window} err {result.FirstError}");
        Assert.True(result.Completed > 0);
        Assert.Equal(result.Completed, result.Latency.Count);
        Assert.True(result.Completed <= callsByClient.Sum());
        Assert.Equal(0, result.Failed);
        Assert.Null(result.CutShort);
        Assert.InRange(result.Window.TotalMilliseconds, 199, 201);
    }

    [Fact]
    public async Task Failures_are_counted_with_the_first_message_and_not_as_completed()
    {
        // The warm-up absorbs the process's first exception, which is slow (resources, stack traces).
        var result = await ClosedLoop.RunAsync("fails", 2, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), async (_, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("node said no");
        }, CancellationToken.None);

        Assert.Equal(0, result.Completed);
        Assert.True(result.Failed > 0, $"failed {result.Failed} completed {result.Completed} window {result.Window} first {result.FirstError}");
        Assert.Equal("InvalidOperationException: node said no", result.FirstError);
    }

    [Fact]
    public async Task Running_out_of_inputs_ends_the_window_early_and_says_so()
    {
        var left = 50;
        var result = await ClosedLoop.RunAsync("pool", 3, TimeSpan.Zero, TimeSpan.FromSeconds(30), async (_, _) =>
        {
            await Task.Yield();
            if (Interlocked.Decrement(ref left) < 0)
                throw new InputsExhaustedException("no fresh permit left");
        }, CancellationToken.None);

        Assert.True(result.Completed <= 50);
        Assert.True(result.Window < TimeSpan.FromSeconds(30));
        Assert.NotNull(result.CutShort);
        Assert.Contains("inputs ran out", result.CutShort);
    }
}

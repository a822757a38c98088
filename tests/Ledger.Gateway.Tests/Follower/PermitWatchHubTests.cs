using Grpc.Core;
using Ledger.Gateway.Follower;
using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Follower;

/// <summary>A watcher that does not read is ended once its buffer is full, with a status that says how to resume; others are unaffected.</summary>
public sealed class PermitWatchHubTests
{
    private static PermitWatchHub Hub(int buffer) => new(Options.Create(new LimitsOptions { WatchBufferItems = buffer }));

    [Fact]
    public async Task A_slow_watcher_gets_its_buffer_then_resource_exhausted_and_a_reading_one_keeps_going()
    {
        var hub = Hub(16);
        using var slow = hub.Subscribe();
        using var reading = hub.Subscribe();
        var readByFast = new List<ulong>();

        for (ulong block = 1; block <= 20; block++)
        {
            await hub.OnCheckpointAsync(block, CancellationToken.None);
            while (reading.Reader.TryRead(out var item))
                readByFast.Add(item.CheckpointBlock);
        }

        var delivered = new List<ulong>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var item in slow.Reader.ReadAllAsync())
                delivered.Add(item.CheckpointBlock);
        });
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (ulong)i), delivered);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("from_block", error.Status.Detail);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (ulong)i), readByFast);
    }
}

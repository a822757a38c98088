using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Core.Countries;
using Ledger.Gateway.Follower;
using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Follower;

/// <summary>A watcher that does not read is ended once its buffer is full, with a status that says how to resume; others are unaffected.</summary>
public sealed class PermitWatchHubTests
{
    private static PermitWatchHub Hub(int buffer) => new(Options.Create(new LimitsOptions { WatchBufferItems = buffer }));

    private static WatchFilter Everything(string country) => new(CountryCode.Parse(country), new HashSet<PermitEventKind>());

    private static PermitEvent Event(PermitEventKind kind, string issuing, string destination, ulong block) => new()
    {
        PermitKey = "0x" + new string('a', 64),
        IssuingCountry = issuing,
        DestinationCountry = destination,
        Entry = new PermitHistoryEntry { Kind = kind, BlockNumber = block },
    };

    [Fact]
    public void Nobody_watching_means_no_kind_is_wanted_and_a_watcher_wants_only_its_kinds()
    {
        var hub = Hub(16);
        Assert.False(hub.MayWant(PermitEventKind.Registered));
        using (hub.Subscribe(new WatchFilter(CountryCode.Parse("FR"), new HashSet<PermitEventKind> { PermitEventKind.ShipmentRecorded })))
        {
            Assert.True(hub.MayWant(PermitEventKind.ShipmentRecorded));
            Assert.False(hub.MayWant(PermitEventKind.Registered));
        }
        Assert.False(hub.MayWant(PermitEventKind.ShipmentRecorded));
    }

    [Fact]
    public async Task Each_watcher_receives_only_the_events_of_its_country_and_every_checkpoint()
    {
        var hub = Hub(16);
        using var france = hub.Subscribe(Everything("FR"));
        using var japan = hub.Subscribe(Everything("JP"));

        await hub.OnPermitEventAsync(Event(PermitEventKind.Registered, "CH", "FR", 1), CancellationToken.None);
        await hub.OnPermitEventAsync(Event(PermitEventKind.Registered, "FR", "US", 2), CancellationToken.None);
        await hub.OnPermitEventAsync(Event(PermitEventKind.Registered, "CH", "US", 3), CancellationToken.None);
        await hub.OnCheckpointAsync(3, CancellationToken.None);

        var toFrance = Drain(france);
        Assert.Equal([1UL, 2UL], toFrance.Where(i => i.Event is not null).Select(i => i.Event.Entry.BlockNumber));
        Assert.Equal(3UL, toFrance[^1].CheckpointBlock);
        var toJapan = Drain(japan);
        Assert.Equal(3UL, Assert.Single(toJapan).CheckpointBlock);
    }

    private static List<WatchPermitsResponse> Drain(PermitWatchHub.Subscription subscription)
    {
        var items = new List<WatchPermitsResponse>();
        while (subscription.Reader.TryRead(out var item))
            items.Add(item);
        return items;
    }

    [Fact]
    public async Task A_slow_watcher_gets_its_buffer_then_resource_exhausted_and_a_reading_one_keeps_going()
    {
        var hub = Hub(16);
        using var slow = hub.Subscribe(Everything("CH"));
        using var reading = hub.Subscribe(Everything("CH"));
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

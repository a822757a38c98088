using Ledger.Api.V1;
using Ledger.Gateway.Follower;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>The event follower resumes from its checkpoint after a restart: nothing missed, nothing applied twice.</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class FollowerTests(LedgerNetworkFixture network)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_restarted_gateway_applies_the_events_of_its_downtime_once()
    {
        var settings = new Dictionary<string, string?>(network.Settings)
        {
            ["Stores:KeyPrefix"] = $"follow-{Guid.NewGuid():N}"[..20] + ":",
        };
        var before = Permits.NewId();
        var during = Permits.NewId();

        var firstRun = new RecordingObserver();
        await using (await StartAsync(settings, firstRun))
        {
            await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(before)), As(Officials.ChIssuer));
            await firstRun.WaitForAsync(events => events.Any(e => Is(e, before, PermitEventKind.Registered)), Patience);
        }

        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(during)), As(Officials.ChIssuer));
        await network.Permits.CancelPermitAsync(
            new CancelPermitRequest { RequestId = Permits.NewRequestId(), PermitId = during, Reason = CancelReason.Withdrawn }, As(Officials.ChIssuer));

        var secondRun = new RecordingObserver();
        await using (await StartAsync(settings, secondRun))
        {
            await secondRun.WaitForAsync(events => events.Any(e => Is(e, during, PermitEventKind.Cancelled)), Patience);
            var events = secondRun.Events;
            Assert.Single(events, e => Is(e, during, PermitEventKind.Registered));
            Assert.DoesNotContain(events, e => e.PermitKey == KeyOf(before));
            var cancelled = Assert.Single(events, e => Is(e, during, PermitEventKind.Cancelled));
            Assert.Equal("CH", cancelled.IssuingCountry);
            Assert.Equal("FR", cancelled.DestinationCountry);
            Assert.Equal(network.AccountOf(Officials.ChIssuer).ToChecksumHex(), cancelled.Entry.Actor.Address);
            Assert.Equal(CancelReason.Withdrawn, cancelled.Entry.Cancellation.Reason);
        }
    }

    [Fact]
    public async Task A_range_slower_to_apply_than_the_stop_grace_is_applied_once_and_the_follower_moves_on()
    {
        var settings = new Dictionary<string, string?>(network.Settings)
        {
            ["Stores:KeyPrefix"] = $"slow-{Guid.NewGuid():N}"[..20] + ":",
        };
        var slow = Permits.NewId();
        var after = Permits.NewId();
        await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(slow)), As(Officials.ChIssuer));

        // The observer spends longer on the slow permit's event than CommitTimeout, honouring the
        // token it is given: a follower that bounded the pass itself would cancel it and apply
        // the same range again and again (under load, every gateway did).
        var observer = new RecordingObserver(permitEvent =>
            permitEvent.PermitKey == KeyOf(slow) ? PermitEventFollower.CommitTimeout + TimeSpan.FromSeconds(1) : TimeSpan.Zero);
        await using (await StartAsync(settings, observer))
        {
            await observer.WaitForAsync(events => events.Any(e => Is(e, slow, PermitEventKind.Registered)), Patience);
            await network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(after)), As(Officials.ChIssuer));
            await observer.WaitForAsync(events => events.Any(e => Is(e, after, PermitEventKind.Registered)), Patience);

            Assert.Single(observer.Events, e => Is(e, slow, PermitEventKind.Registered));
        }
    }

    private static Task<GatewayHost> StartAsync(Dictionary<string, string?> settings, RecordingObserver observer) =>
        GatewayHost.StartAsync(settings, extraServices: services => services.AddSingleton<IPermitEventObserver>(observer));

    private static bool Is(PermitEvent permitEvent, string permitId, PermitEventKind kind) =>
        permitEvent.PermitKey == KeyOf(permitId) && permitEvent.Entry.Kind == kind;

    private static string KeyOf(string permitId) => "0x" + Convert.ToHexStringLower(ChainProbe.KeyOf(permitId));
}

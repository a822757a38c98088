using System.Net;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.WebConsole;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.WebConsole;

/// <summary>
/// The limits on callers without an identity on a Production console: a bucket per client address
/// (an IPv6 /64) and one for them all together. One request per second refills, so a test that
/// takes well under a second sees only the bursts.
/// </summary>
public sealed class AnonymousConsoleLimitsTests
{
    private static AnonymousConsoleLimits Limits(int perAddressBurst, int? totalBurst = null) => new(Options.Create(new LimitsOptions
    {
        AnonymousConsoleRequestsPerSecond = 1,
        AnonymousConsoleBurst = perAddressBurst,
        AnonymousConsoleTotalRequestsPerSecond = 1,
        AnonymousConsoleTotalBurst = totalBurst,
    }));

    private static (bool Admitted, string? Refused) Ask(AnonymousConsoleLimits limits, string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        using var lease = limits.Admit(context);
        return (lease.IsAcquired, LayeredRateLimiter.RefusedLayer(context));
    }

    [Fact]
    public void Fresh_addresses_in_one_IPv6_64_share_one_bucket_and_another_64_has_its_own()
    {
        using var limits = Limits(perAddressBurst: 2, totalBurst: 100);

        Assert.Equal((true, null), Ask(limits, "2001:db8:1:2::1"));
        Assert.Equal((true, null), Ask(limits, "2001:db8:1:2::2"));
        Assert.Equal((false, AnonymousConsoleLimits.AddressLayer), Ask(limits, "2001:db8:1:2::3"));
        Assert.Equal((true, null), Ask(limits, "2001:db8:1:3::1"));
    }

    [Fact]
    public void An_IPv4_client_is_one_client_whether_it_arrives_as_IPv4_or_IPv4_mapped_IPv6()
    {
        using var limits = Limits(perAddressBurst: 1, totalBurst: 100);

        Assert.Equal((true, null), Ask(limits, "192.0.2.7"));
        Assert.Equal((false, AnonymousConsoleLimits.AddressLayer), Ask(limits, "::ffff:192.0.2.7"));
        Assert.Equal((true, null), Ask(limits, "192.0.2.8"));
    }

    [Fact]
    public void All_anonymous_callers_together_stop_at_the_ceiling_whatever_their_addresses()
    {
        using var limits = Limits(perAddressBurst: 2, totalBurst: 3);

        var outcomes = new[] { "192.0.2.1", "192.0.2.2", "2001:db8:1:2::1", "2001:db8:1:3::1" }.Select(address => Ask(limits, address)).ToList();

        Assert.Equal([(true, null), (true, null), (true, null), (false, AnonymousConsoleLimits.AllAnonymousLayer)], outcomes);
    }

    [Fact]
    public void Unset_the_ceiling_is_ten_addresses_worth()
    {
        var limits = new LimitsOptions { AnonymousConsoleRequestsPerSecond = 7, AnonymousConsoleBurst = 40 };

        Assert.Equal(70, limits.AnonymousConsoleTotalRequestsPerSecondInForce);
        Assert.Equal(400, limits.AnonymousConsoleTotalBurstInForce);
    }
}

using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace Ledger.Gateway.Tests.Hosting;

public sealed class LimitsOptionsValidatorTests
{
    private static IEnumerable<string> Problems(LimitsOptions options) =>
        new LimitsOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void The_defaults_are_valid_and_leave_an_official_less_than_the_authority()
    {
        var defaults = new LimitsOptions();

        Assert.Empty(Problems(defaults));
        Assert.True(defaults.CallerRequestsPerSecond < defaults.RequestsPerSecond);
        Assert.True(defaults.CallerBurst < defaults.Burst);
    }

    [Theory]
    [InlineData(0, 50, "Limits:CallerRequestsPerSecond 0 must be between 1 and Limits:RequestsPerSecond (50)")]
    [InlineData(51, 50, "Limits:CallerRequestsPerSecond 51 must be between 1 and Limits:RequestsPerSecond (50)")]
    public void An_officials_rate_is_positive_and_within_the_authoritys(int caller, int authority, string expected)
    {
        Assert.Contains(Problems(new LimitsOptions { CallerRequestsPerSecond = caller, RequestsPerSecond = authority }), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_officials_burst_is_within_the_authoritys()
    {
        Assert.Contains(Problems(new LimitsOptions { CallerBurst = 101, Burst = 100 }),
            p => p.StartsWith("Limits:CallerBurst 101 must be between 1 and Limits:Burst (100)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 20, "Limits:PeerRequestsPerSecond 0")]
    [InlineData(10, 0, "Limits:PeerBurst 0")]
    public void A_peers_limits_are_positive(int perSecond, int burst, string expected)
    {
        Assert.Contains(Problems(new LimitsOptions { PeerRequestsPerSecond = perSecond, PeerBurst = burst }), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(9, 20, "Limits:PeerEndpointRequestsPerSecond 9 must be at least Limits:PeerRequestsPerSecond (10)")]
    [InlineData(10, 19, "Limits:PeerEndpointBurst 19 must be at least Limits:PeerBurst (20)")]
    public void The_peer_endpoints_ceiling_is_at_least_one_peers_limit(int perSecond, int burst, string expected)
    {
        Assert.Contains(Problems(new LimitsOptions { PeerEndpointRequestsPerSecond = perSecond, PeerEndpointBurst = burst }), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(9, 60, "Limits:AnonymousConsoleTotalRequestsPerSecond 9 must be at least Limits:AnonymousConsoleRequestsPerSecond (10)")]
    [InlineData(10, 59, "Limits:AnonymousConsoleTotalBurst 59 must be at least Limits:AnonymousConsoleBurst (60)")]
    public void The_anonymous_consoles_ceiling_is_at_least_one_addresss_limit(int perSecond, int burst, string expected)
    {
        Assert.Contains(Problems(new LimitsOptions { AnonymousConsoleTotalRequestsPerSecond = perSecond, AnonymousConsoleTotalBurst = burst }),
            p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unset_peer_endpoint_ceiling_follows_a_raised_peer_limit_so_an_older_configuration_still_starts()
    {
        var raised = new LimitsOptions { PeerRequestsPerSecond = 100, PeerBurst = 300 };
        Assert.Empty(Problems(raised));
        Assert.Equal(500, raised.PeerEndpointRequestsPerSecondInForce);
        Assert.Equal(1_500, raised.PeerEndpointBurstInForce);
        Assert.Equal(LimitsOptions.DefaultPeerEndpointRequestsPerSecond, new LimitsOptions().PeerEndpointRequestsPerSecondInForce);
        Assert.Equal(LimitsOptions.DefaultPeerEndpointBurst, new LimitsOptions().PeerEndpointBurstInForce);
    }

    [Fact]
    public void By_default_one_official_holds_fewer_watch_streams_than_the_authority_and_the_authority_fewer_than_the_gateway()
    {
        var defaults = new LimitsOptions();

        Assert.True(defaults.MaxWatchStreamsPerOfficial < defaults.MaxWatchStreamsPerAuthority);
        Assert.True(defaults.MaxWatchStreamsPerAuthority < defaults.MaxWatchStreamsTotal);
    }

    [Theory]
    [InlineData(0, 64, 256, "Limits:MaxWatchStreamsPerOfficial 0 must be between 1 and Limits:MaxWatchStreamsPerAuthority (64)")]
    [InlineData(65, 64, 256, "Limits:MaxWatchStreamsPerOfficial 65 must be between 1 and Limits:MaxWatchStreamsPerAuthority (64)")]
    [InlineData(4, 257, 256, "Limits:MaxWatchStreamsPerAuthority 257 must be between 1 and Limits:MaxWatchStreamsTotal (256)")]
    [InlineData(4, 0, 256, "Limits:MaxWatchStreamsPerAuthority 0 must be between 1 and Limits:MaxWatchStreamsTotal (256)")]
    public void Watch_stream_limits_nest_official_within_authority_within_gateway(int perOfficial, int perAuthority, int total, string expected)
    {
        var options = new LimitsOptions { MaxWatchStreamsPerOfficial = perOfficial, MaxWatchStreamsPerAuthority = perAuthority, MaxWatchStreamsTotal = total };

        Assert.Contains(Problems(options), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_former_per_authority_watch_stream_setting_is_refused_with_its_successors_named()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Limits:MaxWatchStreamsPerCaller"] = "1" }).Build();
        var problems = Problems(configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>()!);

        var problem = Assert.Single(problems);
        Assert.StartsWith("Limits:MaxWatchStreamsPerCaller (1) is no longer read", problem, StringComparison.Ordinal);
        Assert.Contains("Limits:MaxWatchStreamsPerAuthority", problem);
        Assert.Contains("Limits:MaxWatchStreamsPerOfficial", problem);
    }
}

using Ledger.Gateway.Hosting;

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
}

using System.Net;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Peers;

namespace Ledger.Gateway.Tests.Peers;

/// <summary>
/// Which addresses a published gateway URL may lead this gateway to: public ones always,
/// non-public ones only as the deployment lists them (by host name or range), loopback also in
/// Devnet mode, and nothing else whatever way the address is written.
/// </summary>
public sealed class PeerHostPolicyTests
{
    private static readonly PeerHostPolicy Unlisted = new([], allowLoopback: false);

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.254", "private")]
    [InlineData("192.168.1.10", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.254", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    public void A_non_public_address_is_refused_without_a_listing_naming_its_kind(string address, string kind)
    {
        var refusal = Unlisted.RefusalOf(IPAddress.Parse(address));

        Assert.Equal($"{IPAddress.Parse(address)} is a {kind} address, not in Peers:AllowedGatewayHosts", refusal);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void A_public_address_is_allowed_without_a_listing(string address)
    {
        Assert.Null(Unlisted.RefusalOf(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.20.0.5", true)]
    [InlineData("10.20.255.255", true)]
    [InlineData("10.21.0.1", false)]
    [InlineData("::ffff:10.20.0.5", true)]
    [InlineData("172.16.100.7", true)]
    [InlineData("172.16.100.8", false)]
    [InlineData("fd12:3456::9", true)]
    [InlineData("fd12:3457::9", false)]
    [InlineData("127.0.0.1", false)]
    public void A_listed_range_or_address_allows_the_addresses_in_it_and_no_other(string address, bool allowed)
    {
        var policy = new PeerHostPolicy(["10.20.0.0/16", "172.16.100.7", "fd12:3456::/32"], allowLoopback: false);

        Assert.Equal(allowed, policy.RefusalOf(IPAddress.Parse(address)) is null);
    }

    [Fact]
    public void A_listed_name_is_allowed_exactly_whatever_its_case_or_trailing_dot_and_no_other_name_is()
    {
        var policy = new PeerHostPolicy(["gateway-fr", "gw.example.org."], allowLoopback: false);

        Assert.True(policy.AllowsName("gateway-fr"));
        Assert.True(policy.AllowsName("Gateway-FR."));
        Assert.True(policy.AllowsName("gw.example.org"));
        Assert.False(policy.AllowsName("gateway-de"));
        Assert.False(policy.AllowsName("gateway-fr.evil.example"));
        Assert.False(policy.AllowsName("example.org"));
        Assert.False(Unlisted.AllowsName("gateway-fr"));
    }

    [Theory]
    [InlineData(GatewayMode.Devnet, "127.0.0.1", true)]
    [InlineData(GatewayMode.Devnet, "::1", true)]
    [InlineData(GatewayMode.Devnet, "10.0.0.1", false)]
    [InlineData(GatewayMode.Devnet, "169.254.169.254", false)]
    [InlineData(GatewayMode.Production, "127.0.0.1", false)]
    [InlineData(GatewayMode.Production, "::1", false)]
    public void Devnet_mode_allows_loopback_and_no_other_non_public_address_and_Production_allows_neither(GatewayMode mode, string address, bool allowed)
    {
        var policy = PeerHostPolicy.For(new PeerOptions(), new GatewayOptions { Mode = mode });

        Assert.Equal(mode == GatewayMode.Devnet, policy.AllowsLoopback);
        Assert.Equal(allowed, policy.RefusalOf(IPAddress.Parse(address)) is null);
    }

    [Theory]
    [InlineData("gateway-fr")]
    [InlineData("gw.example.org")]
    [InlineData("10.20.0.0/16")]
    [InlineData("10.20.0.5")]
    [InlineData("fd12:3456::/32")]
    [InlineData("fd12:3456::1")]
    public void An_entry_is_a_host_name_an_address_or_a_range(string entry)
    {
        Assert.Null(PeerHostPolicy.EntryProblem(entry));
    }

    [Theory]
    [InlineData("", "has an empty entry")]
    [InlineData("https://gateway-fr:7444", "neither a host name")]
    [InlineData("gateway-fr:7444", "neither a host name")]
    [InlineData("*.example.org", "neither a host name")]
    [InlineData("10.20.1.5/16", "neither a host name")]
    [InlineData("10.1", "neither a host name")]
    [InlineData("10.0.0.0/33", "neither a host name")]
    [InlineData("[::1]", "neither a host name")]
    [InlineData("0.0.0.0/0", "allows every address")]
    [InlineData("::/0", "allows every address")]
    public void Anything_else_is_refused_saying_what_an_entry_may_be(string entry, string problem)
    {
        var said = PeerHostPolicy.EntryProblem(entry);

        Assert.NotNull(said);
        Assert.Contains(problem, said, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PeerHostPolicy([entry], allowLoopback: false));
    }

    [Fact]
    public void The_options_validator_refuses_a_bad_entry_at_startup_naming_the_setting()
    {
        var result = new PeerOptionsValidator().Validate(null, new PeerOptions
        {
            KeyFile = "peer.key",
            AllowedGatewayHosts = ["gateway-fr", "https://gateway-de:7444"],
        });

        Assert.True(result.Failed);
        Assert.Contains("Peers:AllowedGatewayHosts entry 'https://gateway-de:7444'", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("'gateway-fr'", result.FailureMessage, StringComparison.Ordinal);
    }
}

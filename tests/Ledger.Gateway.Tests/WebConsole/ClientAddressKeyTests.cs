using System.Net;
using Ledger.Console.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.WebConsole;

/// <summary>The key a caller without an identity is rate-limited by: IPv4 by address, IPv6 by /64, IPv4-mapped as IPv4.</summary>
public sealed class ClientAddressKeyTests
{
    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::/64")]
    [InlineData("fe80::1%3", "fe80::/64")]
    public void A_client_is_keyed_by_its_IPv4_address_or_its_IPv6_64(string address, string expected) =>
        Assert.Equal(expected, ClientAddressKey.Of(IPAddress.Parse(address)));

    [Fact]
    public void A_caller_without_an_address_has_a_key_too() =>
        Assert.Equal("(unknown)", ClientAddressKey.Of(null));

    [Fact]
    public void The_public_page_counts_the_addresses_of_one_IPv6_64_as_one_client()
    {
        var policy = new PublicVerificationRateLimit(Options.Create(new ConsoleOptions()));

        var first = policy.GetPartition(From("2001:db8:1:2::10")).PartitionKey;
        var second = policy.GetPartition(From("2001:db8:1:2:ffff::20")).PartitionKey;
        var otherNetwork = policy.GetPartition(From("2001:db8:1:3::10")).PartitionKey;

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherNetwork);
    }

    private static DefaultHttpContext From(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }
}

using System.Net;
using Ledger.Network.Besu;
using Ledger.Network.Definition;

namespace Ledger.Network.Tests;

/// <summary>
/// The nodes' and gateways' fixed addresses, checked with .NET's own CIDR arithmetic (<see cref="IPNetwork"/>)
/// across every index the plan holds: no two share an address, each lies in its network's
/// subnet, outside the range Docker hands out dynamically there (where the full nodes' p2p
/// addresses, the gateways' other ones and Redis' come from), and no two subnets meet.
/// </summary>
public sealed class NodeAddressesTests
{
    private static readonly int[] Indices = Enumerable.Range(0, NodeAddresses.MaximumAuthorities).ToArray();

    private static readonly BesuNodeRole[] Roles = [BesuNodeRole.Validator, BesuNodeRole.FullNode];

    [Fact]
    public void No_two_nodes_of_any_network_the_plan_holds_share_an_address_and_each_is_clear_of_dynamic_ones()
    {
        var p2p = IPNetwork.Parse(NodeAddresses.P2pSubnet);
        var p2pDynamic = IPNetwork.Parse(NodeAddresses.P2pDynamicRange);
        var subnets = new List<IPNetwork> { p2p };
        var taken = new HashSet<IPAddress>();
        foreach (var index in Indices)
        {
            var validator = IPAddress.Parse(NodeAddresses.ValidatorOnP2p(index));
            Assert.True(taken.Add(validator), $"{validator} (validator {index} on p2p) taken twice");
            Assert.True(p2p.Contains(validator), $"{validator} outside {p2p}");
            Assert.False(p2pDynamic.Contains(validator), $"{validator} inside the dynamic range {p2pDynamic}");
            // .0 is the subnet itself, .1 where Docker puts the network's gateway when no ip_range is given.
            Assert.True(validator.GetAddressBytes()[3] > 1, $"{validator} is p2p's network or gateway address");

            var own = IPNetwork.Parse(NodeAddresses.AuthoritySubnet(index));
            var dynamic = IPNetwork.Parse(NodeAddresses.AuthorityDynamicRange(index));
            Assert.True(own.Contains(dynamic.BaseAddress));
            Assert.DoesNotContain(subnets, other => Overlap(own, other));
            subnets.Add(own);
            var fixedOnOwn = Roles.Select(role => (What: role.ToString(), Address: NodeAddresses.OnAuthorityNetwork(index, role)))
                .Append(("gateway", NodeAddresses.GatewayOnAuthorityNetwork(index)));
            foreach (var (what, text) in fixedOnOwn)
            {
                var address = IPAddress.Parse(text);
                Assert.True(taken.Add(address), $"{address} ({what} {index} on its authority network) taken twice");
                Assert.True(own.Contains(address), $"{address} outside {own}");
                Assert.False(dynamic.Contains(address), $"{address} inside the dynamic range {dynamic}");
            }
        }
        Assert.Equal(4 * Indices.Length, taken.Count);
    }

    [Fact]
    public void The_p2p_dynamic_range_lies_in_p2p_and_has_an_address_for_every_full_node()
    {
        var p2p = IPNetwork.Parse(NodeAddresses.P2pSubnet);
        var dynamic = IPNetwork.Parse(NodeAddresses.P2pDynamicRange);
        Assert.True(p2p.Contains(dynamic.BaseAddress));
        Assert.True(dynamic.PrefixLength > p2p.PrefixLength);
        // Less the subnet's broadcast address, the range's first and the network's gateway, should Docker put it there.
        Assert.True((1 << (32 - dynamic.PrefixLength)) - 3 >= NodeAddresses.MaximumAuthorities);
    }

    [Fact]
    public void The_validators_p2p_addresses_are_those_static_nodes_has_always_named()
    {
        Assert.Equal("172.16.239.10", NodeAddresses.ValidatorOnP2p(0));
        Assert.Equal("172.16.239.13", NodeAddresses.ValidatorOnP2p(3));
        Assert.Equal("172.16.239.20", NodeAddresses.ValidatorOnP2p(10));
    }

    [Fact]
    public void An_index_the_plan_cannot_hold_is_refused_and_every_founder_fits()
    {
        Assert.True(NodeAddresses.Holds(NodeAddresses.MaximumAuthorities - 1));
        Assert.False(NodeAddresses.Holds(NodeAddresses.MaximumAuthorities));
        Assert.False(NodeAddresses.Holds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NodeAddresses.ValidatorOnP2p(NodeAddresses.MaximumAuthorities));
        Assert.Throws<ArgumentOutOfRangeException>(() => NodeAddresses.OnAuthorityNetwork(NodeAddresses.MaximumAuthorities, BesuNodeRole.FullNode));
        Assert.Throws<ArgumentOutOfRangeException>(() => NodeAddresses.AuthoritySubnet(-1));
        Assert.InRange(NetworkDefinitionRules.MaximumFounders, NetworkDefinitionRules.MinimumValidators, NodeAddresses.MaximumAuthorities);
    }

    // Two CIDR blocks overlap exactly when one contains the other's first address.
    private static bool Overlap(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("node-ch")]
    public void A_node_config_refuses_to_listen_anywhere_but_an_address_of_its_own(string listenAddress)
    {
        var error = Assert.Throws<ArgumentException>(() => BesuNodeConfig.Build("ch", BesuNodeRole.Validator, "node-ch", listenAddress));
        Assert.Contains(listenAddress, error.Message, StringComparison.Ordinal);
    }
}

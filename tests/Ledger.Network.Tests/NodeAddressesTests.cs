using System.Net;
using Ledger.Network.Besu;
using Ledger.Network.Definition;

namespace Ledger.Network.Tests;

/// <summary>
/// The nodes' fixed addresses, checked with .NET's own CIDR arithmetic (<see cref="IPNetwork"/>):
/// each node's RPC address lies in its own authority's subnet, outside the range Docker hands out
/// dynamically there and outside p2p, and no two authorities' subnets meet.
/// </summary>
public sealed class NodeAddressesTests
{
    private static readonly int[] Indices = Enumerable.Range(0, NetworkDefinitionRules.MaximumFounders + 1).ToArray();

    [Fact]
    public void Each_nodes_RPC_address_is_in_its_own_authoritys_subnet_clear_of_dynamic_addresses_and_of_p2p()
    {
        var p2p = IPNetwork.Parse(NodeAddresses.P2pSubnet);
        foreach (var index in Indices)
        {
            var own = IPNetwork.Parse(NodeAddresses.AuthoritySubnet(index));
            var dynamic = IPNetwork.Parse(NodeAddresses.AuthorityDynamicRange(index));
            Assert.True(own.Contains(dynamic.BaseAddress));
            foreach (var role in new[] { BesuNodeRole.Validator, BesuNodeRole.FullNode })
            {
                var address = IPAddress.Parse(NodeAddresses.OnAuthorityNetwork(index, role));
                Assert.True(own.Contains(address), $"{address} outside {own}");
                Assert.False(dynamic.Contains(address), $"{address} inside the dynamic range {dynamic}");
                Assert.False(p2p.Contains(address));
                Assert.False(own.Contains(IPAddress.Parse(NodeAddresses.OnP2p(0, role))));
            }
            Assert.NotEqual(NodeAddresses.OnAuthorityNetwork(index, BesuNodeRole.Validator), NodeAddresses.OnAuthorityNetwork(index, BesuNodeRole.FullNode));
        }
        Assert.Equal(Indices.Length, Indices.Select(NodeAddresses.AuthoritySubnet).Distinct().Count());
    }

    [Fact]
    public void The_validators_p2p_addresses_are_those_static_nodes_has_always_named()
    {
        Assert.Equal("172.16.239.10", NodeAddresses.OnP2p(0, BesuNodeRole.Validator));
        Assert.Equal("172.16.239.23", NodeAddresses.OnP2p(3, BesuNodeRole.FullNode));
        Assert.Throws<ArgumentOutOfRangeException>(() => NodeAddresses.OnAuthorityNetwork(-1, BesuNodeRole.Validator));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("127.0.0.1")]
    [InlineData("node-ch")]
    public void A_node_config_refuses_to_listen_anywhere_but_an_address_of_its_own(string listenAddress)
    {
        var error = Assert.Throws<ArgumentException>(() => BesuNodeConfig.Build("ch", BesuNodeRole.Validator, "node-ch", listenAddress));
        Assert.Contains(listenAddress, error.Message, StringComparison.Ordinal);
    }
}

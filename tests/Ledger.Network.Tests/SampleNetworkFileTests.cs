using Ledger.Network.Definition;
using Ledger.Testing;

namespace Ledger.Network.Tests;

public sealed class SampleNetworkFileTests
{
    [Fact]
    public void The_committed_sample_network_is_a_usable_devnet_of_at_least_four_founders()
    {
        var definition = NetworkDefinitionFile.Read(Path.Combine(ToolPaths.RepositoryRoot, "chain-config", "network.json"));
        Assert.True(definition.IsDevnet);
        Assert.True(definition.Authorities.Count >= NetworkDefinitionRules.MinimumValidators);
        Assert.All(definition.Authorities, authority => Assert.Contains(authority.Agencies, agency => agency.Kind == AgencyKind.Customs));
    }
}

using Ledger.Network.Definition;

namespace Ledger.Network.Tests;

public sealed class NetworkDefinitionRulesTests
{
    [Fact]
    public void The_sample_definition_is_usable() => Assert.Empty(NetworkDefinitionRules.Check(SampleNetwork.Definition()));

    [Fact]
    public void Fewer_than_four_founders_is_refused_for_lack_of_fault_tolerance()
    {
        var definition = SampleNetwork.Definition() with { Authorities = SampleNetwork.Definition().Authorities.Take(3).ToArray() };
        Assert.Contains(NetworkDefinitionRules.Check(definition), problem => problem.Contains("at least 4 validators", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var founders = SampleNetwork.Definition().Authorities.ToList();
        founders[1] = founders[1] with { Country = "CH", Code = "CH-FSVO", GatewayPort = 5081 };
        founders[2] = founders[2] with { Id = "Not Lower", Country = "XX" };
        var definition = SampleNetwork.Definition() with { ChainId = 1, BlockPeriodSeconds = 5, RequestTimeoutSeconds = 5, Authorities = founders };

        var problems = NetworkDefinitionRules.Check(definition);

        Assert.Contains(problems, p => p.Contains("chainId 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("requestTimeoutSeconds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("second founding issuer for CH", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("code 'CH-FSVO' used twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("gatewayPort 5081", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Not Lower'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("country 'XX'", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_fields_and_malformed_json_are_refused_with_the_source_named()
    {
        var unknown = Assert.Throws<NetworkDefinitionException>(() => NetworkDefinitionFile.Parse("""{"name":"x","chainId":5,"authorities":[],"validators":[]}""", "net.json"));
        Assert.Contains("net.json", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<NetworkDefinitionException>(() => NetworkDefinitionFile.Parse("{", "net.json"));
    }
}

using System.Text.Json.Nodes;
using Ledger.Network.Besu;
using Ledger.Testing;

namespace Ledger.Network.Tests;

public sealed class QbftGenesisTests
{
    private static readonly Dictionary<string, GenesisAccount> Alloc = new()
    {
        ["0x00000000000000000000000000000000000000AA"] = new("0x6000", new Dictionary<string, string>
        {
            ["0x0000000000000000000000000000000000000000000000000000000000000001"] = "0x0000000000000000000000000000000000000000000000000000000000000002",
        }, 1),
    };

    [Fact]
    public void Genesis_selects_validators_by_contract_with_zero_base_fee_and_the_registries_in_alloc()
    {
        var json = JsonNode.Parse(QbftGenesis.Build(SampleNetwork.Definition(), "0x00000000000000000000000000000000000000AA", Alloc, 1_767_225_600))!;

        var qbft = json["config"]!["qbft"]!;
        Assert.Equal("0x00000000000000000000000000000000000000aa", (string?)qbft["validatorcontractaddress"]);
        Assert.Equal(1, (int)qbft["blockperiodseconds"]!);
        Assert.True((bool)json["config"]!["zeroBaseFee"]!);
        Assert.Equal(0, (int)json["config"]!["cancunTime"]!);
        Assert.Equal("0x6000", (string?)json["alloc"]!["0x00000000000000000000000000000000000000aa"]!["code"]);
        Assert.Equal("0x6955b900", (string?)json["timestamp"]);
    }

    [Fact]
    public async Task Extra_data_holds_an_empty_validator_list_as_cast_decodes_it()
    {
        var decoded = await CastBatch.RunAsync([["from-rlp", QbftGenesis.EmptyValidatorsExtraData]]);
        Assert.Equal("[\"0x" + new string('0', 64) + "\",[],[],\"0x\",[]]", decoded[0]);
    }
}

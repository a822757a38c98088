using System.Text.Json.Nodes;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Rpc;

public class BatchTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private AnvilDevnet Devnet => fixture.Devnet;

    [Fact]
    public async Task A_batch_of_100_calls_answers_each_call_as_if_sent_alone()
    {
        var requests = Enumerable.Range(0, 100).Select(Request).ToList();

        var batched = await Devnet.Client.SendBatchAsync(requests);

        Assert.Equal(100, batched.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i].Method == "eth_noSuchMethod")
            {
                Assert.IsType<RpcErrorException>(batched[i].Error);
                continue;
            }
            var alone = await Devnet.Client.SendAsync(requests[i].Method, requests[i].Parameters);
            Assert.Equal(alone.ToString(), batched[i].GetResultOrThrow().ToString());
        }
    }

    [Fact]
    public async Task A_batch_carries_reverts_as_typed_error_responses()
    {
        var deployed = await Devnet.WaitForReceiptAsync(await Devnet.SendTransactionAsync(
            Devnet.Accounts[0].Address, to: null, EvmCode.Deployable(EvmCode.ReverterRuntime([0xab, 0xcd]))));
        var call = new JsonObject { ["to"] = Hex.Encode(deployed.ContractAddress!.Value.Bytes) };

        var responses = await Devnet.Client.SendBatchAsync([new RpcRequest("eth_call", [call, "latest"]), new RpcRequest("eth_chainId")]);

        var revert = Assert.IsType<RpcRevertException>(responses[0].Error);
        Assert.Equal([0xab, 0xcd], revert.RevertDataArray);
        Assert.Equal(Devnet.ChainId, HexQuantity.ParseUInt64(responses[1].GetResultOrThrow().GetString()!));
    }

    // A mix of calls with distinct answers, so a mismatched id would show as a wrong value.
    private RpcRequest Request(int i)
    {
        var account = Hex.Encode(Devnet.Accounts[i % Devnet.Accounts.Count].Address.Bytes);
        return (i % 5) switch
        {
            0 => new RpcRequest("eth_getBalance", [account, "latest"]),
            1 => new RpcRequest("eth_getTransactionCount", [account, "latest"]),
            2 => new RpcRequest("eth_getBlockByNumber", ["0x0", false]),
            3 => new RpcRequest("eth_getBalance", [Hex.Encode(Keccak256.HashUtf8($"stranger {i}")[..20]), "latest"]),
            _ => i == 99 ? new RpcRequest("eth_noSuchMethod") : new RpcRequest("eth_chainId"),
        };
    }
}

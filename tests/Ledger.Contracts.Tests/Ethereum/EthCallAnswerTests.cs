using System.Text;
using Ledger.Contracts.Errors;

namespace Ledger.Contracts.Tests.Ethereum;

/// <summary>The lean eth_call answer reader on answers anvil does not give: other nodes' error shapes and broken answers.</summary>
public sealed class EthCallAnswerTests
{
    private static byte[] Parse(string json, long id = 7) => EthCallAnswer.Parse(Encoding.UTF8.GetBytes(json), id);

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":"0x00ff10"}""", "00ff10")]
    [InlineData("""{"result":"0X00FF10","id":7,"jsonrpc":"2.0","extra":{"a":[1,2]}}""", "00ff10")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":"0x"}""", "")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":null}""", "")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":"0x\u0030\u0031"}""", "01")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":"0x00ff10","error":null}""", "00ff10")]
    [InlineData("""{"jsonrpc":"2.0","id":"7","result":"0x00ff10"}""", "00ff10")]
    public void A_result_is_its_bytes(string json, string hex) =>
        Assert.Equal(Convert.FromHexString(hex), Parse(json));

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"jsonrpc":"2.0","id":7}""")]
    [InlineData("""{"jsonrpc":"2.0","id":8,"result":"0x00"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"8","result":"0x00"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":" 7","result":"0x00"}""")]
    [InlineData("""{"jsonrpc":"2.0","result":"0x00"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":"0x0"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":"00ff"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":"0xzz"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":42}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":"0x00"} trailing""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":"0x00""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"error":"broken"}""")]
    public void An_answer_that_is_not_json_rpc_is_a_transport_failure(string json)
    {
        var failure = Assert.ThrowsAny<Exception>(() => Parse(json));
        Assert.IsType<RpcClientUnknownException>(failure);
        Assert.True(NodePool.IsTransportFailure(failure));
    }

    // VerifyBatchTooLarge(size, 256) as the contract reverts with it: selector, then two words.
    private static byte[] TooLarge(ulong size) =>
        [.. BitConverter.GetBytes(ContractErrors.SelectorOf("VerifyBatchTooLarge(uint256,uint256)")).Reverse(),
            .. new Nethereum.ABI.ABIEncode().GetABIEncoded(new Nethereum.ABI.ABIValue("uint256", size), new Nethereum.ABI.ABIValue("uint256", 256))];

    [Fact]
    public void A_revert_with_data_as_a_string_is_the_node_answer_with_its_revert_data()
    {
        var data = TooLarge(257);
        var failure = Assert.Throws<RpcResponseException>(() => Parse(
            """{"jsonrpc":"2.0","id":7,"error":{"code":3,"message":"execution reverted","data":"0x""" + Convert.ToHexStringLower(data) + "\"}}"));
        Assert.Equal(3, failure.RpcError.Code);
        Assert.Equal(data, RevertData.From(failure));
        Assert.Equal(new VerifyBatchTooLarge(257, 256), ContractErrors.TryDecode(data));
    }

    [Fact]
    public void A_revert_with_data_in_an_object_keeps_it_for_the_revert_decoding()
    {
        var data = TooLarge(300);
        var failure = Assert.Throws<RpcResponseException>(() => Parse(
            """{"jsonrpc":"2.0","id":7,"error":{"code":-32000,"message":"reverted","data":{"data":"0x""" + Convert.ToHexStringLower(data) + "\",\"extra\":1}}}"));
        Assert.Equal(-32000, failure.RpcError.Code);
        Assert.Equal(data, RevertData.From(failure));
    }

    [Fact]
    public void An_error_wins_over_a_result_and_needs_no_matching_id()
    {
        var failure = Assert.Throws<RpcResponseException>(() => Parse("""{"jsonrpc":"2.0","id":null,"result":"0x00","error":{"code":-32601,"message":"no such method"}}"""));
        Assert.Equal(-32601, failure.RpcError.Code);
        Assert.Null(RevertData.From(failure));
    }
}

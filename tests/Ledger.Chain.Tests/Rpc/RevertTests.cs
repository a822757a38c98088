using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Rpc;

/// <summary>Reverts surface their raw data through eth_call and eth_estimateGas on a real anvil.</summary>
public class RevertTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private AnvilDevnet Devnet => fixture.Devnet;

    private IRpcClient Client => fixture.Devnet.Client;

    [Fact]
    public async Task Eth_call_and_estimate_gas_surface_the_exact_revert_bytes()
    {
        // Error(string) as solc encodes it, produced by cast as an independent encoder.
        var encoded = await CastBatch.RunAsync([["calldata", "Error(string)", "permit exhausted"]]);
        var revertData = Hex.Decode(encoded[0]);
        var reverter = await DeployAsync(EvmCode.ReverterRuntime(revertData));
        var call = new CallRequest { From = Devnet.Accounts[0].Address, To = reverter, Data = [0x12, 0x34] };

        var fromCall = await Assert.ThrowsAsync<RpcRevertException>(() => Client.CallAsync(call));
        var fromEstimate = await Assert.ThrowsAsync<RpcRevertException>(() => Client.EstimateGasAsync(call));

        Assert.Equal(revertData, fromCall.RevertData.ToArray());
        Assert.Equal(revertData, fromEstimate.RevertData.ToArray());
        Assert.Equal(RpcRevertException.ExecutionRevertedCode, fromCall.Code);
        Assert.Equal("eth_call", fromCall.Method);
        Assert.Equal("eth_estimateGas", fromEstimate.Method);
    }

    [Fact]
    public async Task A_custom_error_selector_comes_through_unchanged()
    {
        byte[] customError = [0xde, 0xad, 0xbe, 0xef, .. Keccak256.HashUtf8("permit id")];
        var reverter = await DeployAsync(EvmCode.ReverterRuntime(customError));

        var error = await Assert.ThrowsAsync<RpcRevertException>(() => Client.CallAsync(new CallRequest { To = reverter }));

        Assert.Equal(customError, error.RevertDataArray);
    }

    [Fact]
    public async Task A_bare_revert_has_empty_revert_data()
    {
        var reverter = await DeployAsync(EvmCode.ReverterRuntime([]));

        var error = await Assert.ThrowsAsync<RpcRevertException>(() => Client.CallAsync(new CallRequest { To = reverter }));

        Assert.True(error.RevertData.IsEmpty);
    }

    [Fact]
    public async Task A_successful_call_returns_the_returned_bytes()
    {
        // Runtime code returning the 32-byte word 42: PUSH1 42 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN.
        var answer = await DeployAsync([0x60, 42, 0x60, 0, 0x52, 0x60, 32, 0x60, 0, 0xf3]);

        var result = await Client.CallAsync(new CallRequest { To = answer }, BlockTag.Latest);

        Assert.Equal(32, result.Length);
        Assert.Equal(42, result[31]);
        Assert.All(result[..31], b => Assert.Equal(0, b));
        Assert.Empty(await Client.CallAsync(new CallRequest { To = Devnet.Accounts[0].Address }));
    }

    private async Task<Address> DeployAsync(byte[] runtime)
    {
        var hash = await Devnet.SendTransactionAsync(Devnet.Accounts[0].Address, to: null, EvmCode.Deployable(runtime));
        var receipt = await Devnet.WaitForReceiptAsync(hash);
        Assert.True(receipt.Succeeded);
        return receipt.ContractAddress!.Value;
    }
}

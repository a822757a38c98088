using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;
using Ledger.Chain.Tests.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Sending;

/// <summary>Reverts before sending (estimation) and on chain (replayed), decoded into the contract's typed error.</summary>
public class RevertTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private AnvilDevnet Devnet => fixture.Devnet;

    [Fact]
    public async Task A_call_that_would_revert_reports_the_custom_error_sends_nothing_and_keeps_the_nonce()
    {
        var gate = await GateContract.DeployAsync(Devnet, Devnet.Accounts[9]);
        using var key = SendingKit.KeyOf(Devnet.Accounts[1]);
        var rpc = new ScriptedRpcClient(Devnet.Client);
        var sender = new TransactionSender(rpc, key, Devnet.ChainId, SendingKit.FastOptions, new RevertDecoder(GateContract.Abi));
        var nonceBefore = await Devnet.Client.GetTransactionCountAsync(sender.From, BlockTag.Pending);

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(
            () => sender.SendAsync(new TransactionRequest(gate, GateContract.Call(0, code: 42))));

        Assert.False(error.WasSent);
        Assert.Null(error.TransactionHash);
        Assert.Null(error.Receipt);
        var denied = Assert.IsType<CustomErrorRevert>(error.Reason);
        Assert.Same(denied, error.CustomError);
        Assert.Equal("Denied", denied.Name);
        Assert.Equal(new BigInteger(42), denied.Arguments["code"]);
        Assert.Equal(sender.From, denied.Arguments["caller"]);
        Assert.Contains("Denied(code=42", error.Message);
        Assert.Contains("not sent", error.Message);
        Assert.IsType<RpcRevertException>(error.InnerException);
        Assert.Empty(rpc.CallsOf("eth_sendRawTransaction"));
        Assert.Equal(nonceBefore, await Devnet.Client.GetTransactionCountAsync(sender.From, BlockTag.Pending));

        var next = await sender.SendAsync(new TransactionRequest(gate, GateContract.Call(1)));
        Assert.Equal(nonceBefore, (await Devnet.Client.GetTransactionByHashAsync(next.Hash))!.Nonce);
    }

    [Fact]
    public async Task A_transaction_that_reverts_on_chain_reports_the_error_replayed_at_its_block_with_its_hash()
    {
        var gate = await GateContract.DeployAsync(Devnet, Devnet.Accounts[9]);
        using var key = SendingKit.KeyOf(Devnet.Accounts[2]);
        var rpc = new ScriptedRpcClient(Devnet.Client);
        var sender = new TransactionSender(rpc, key, Devnet.ChainId, SendingKit.FastOptions, new RevertDecoder(GateContract.Abi));
        var nonceBefore = await Devnet.Client.GetTransactionCountAsync(sender.From, BlockTag.Pending);

        // An explicit gas limit skips the estimation that would have refused it.
        var error = await Assert.ThrowsAsync<TransactionRevertedException>(
            () => sender.SendAsync(new TransactionRequest(gate, GateContract.Call(0, code: 7), GasLimit: 100_000)));

        Assert.True(error.WasSent);
        var hash = Assert.NotNull(error.TransactionHash);
        Assert.Equal(SendingKit.HashOf(Assert.Single(rpc.CallsOf("eth_sendRawTransaction"))), hash);
        var onChain = await Devnet.Client.GetTransactionReceiptAsync(hash);
        Assert.Equal(0UL, onChain!.Status);
        Assert.Equal(onChain.BlockNumber, error.Receipt!.BlockNumber);
        Assert.Equal("Denied", error.CustomError!.Name);
        Assert.Equal(new BigInteger(7), error.CustomError.Arguments["code"]);
        Assert.Equal(sender.From, error.CustomError.Arguments["caller"]);
        Assert.Contains(hash.ToString(), error.Message);
        var replay = Assert.Single(rpc.CallsOf("eth_call"));
        Assert.Equal(HexQuantity.Encode(onChain.BlockNumber), replay.Parameters[1]!.GetValue<string>());
        Assert.Equal(nonceBefore + 1, await Devnet.Client.GetTransactionCountAsync(sender.From, BlockTag.Pending));
    }

    [Fact]
    public async Task A_transaction_that_runs_out_of_gas_says_so_when_no_reason_can_be_replayed()
    {
        var gate = await GateContract.DeployAsync(Devnet, Devnet.Accounts[9]);
        using var key = SendingKit.KeyOf(Devnet.Accounts[3]);
        var sender = new TransactionSender(Devnet.Client, key, Devnet.ChainId, SendingKit.FastOptions);
        var data = GateContract.Call(1);
        var intrinsic = 21_000UL + (ulong)data.Sum(b => b == 0 ? 4 : 16);

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(
            () => sender.SendAsync(new TransactionRequest(gate, data, GasLimit: intrinsic + 50)));

        Assert.True(error.WasSent);
        Assert.Equal(intrinsic + 50, error.Receipt!.GasUsed);
        Assert.Contains("out of gas", error.Message);
    }

    [Fact]
    public async Task Error_string_reverts_decode_with_the_standard_decoder()
    {
        // Error(string) as solc encodes it, made by cast as an independent encoder.
        var revertData = Hex.Decode((await CastBatch.RunAsync([["calldata", "Error(string)", "permit exhausted"]]))[0]);
        var reverter = await GateContract.DeployRuntimeAsync(Devnet, Devnet.Accounts[9], EvmCode.ReverterRuntime(revertData));
        using var key = SendingKit.KeyOf(Devnet.Accounts[4]);
        var sender = new TransactionSender(Devnet.Client, key, Devnet.ChainId, SendingKit.FastOptions);

        var beforeSending = await Assert.ThrowsAsync<TransactionRevertedException>(() => sender.SendAsync(new TransactionRequest(reverter, new byte[4])));
        var onChain = await Assert.ThrowsAsync<TransactionRevertedException>(
            () => sender.SendAsync(new TransactionRequest(reverter, new byte[4], GasLimit: 60_000)));

        Assert.Equal("permit exhausted", Assert.IsType<ErrorMessageRevert>(beforeSending.Reason).Reason);
        Assert.Equal("permit exhausted", Assert.IsType<ErrorMessageRevert>(onChain.Reason).Reason);
        Assert.Null(onChain.CustomError);
    }

    [Fact]
    public async Task Without_the_contracts_abi_a_custom_error_is_reported_as_unknown_with_its_selector()
    {
        var gate = await GateContract.DeployAsync(Devnet, Devnet.Accounts[9]);
        using var key = SendingKit.KeyOf(Devnet.Accounts[5]);
        var sender = new TransactionSender(Devnet.Client, key, Devnet.ChainId, SendingKit.FastOptions);

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(
            () => sender.SendAsync(new TransactionRequest(gate, GateContract.Call(0, code: 3))));

        var unknown = Assert.IsType<UnknownRevert>(error.Reason);
        Assert.Equal(GateContract.Abi.GetError("Denied").Selector.ToArray(), unknown.Selector.ToArray());
        Assert.Null(error.CustomError);
    }
}

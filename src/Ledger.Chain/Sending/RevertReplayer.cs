using System.Globalization;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;

namespace Ledger.Chain.Sending;

/// <summary>
/// Recovers why a mined transaction reverted: a receipt has no revert data, so the same call
/// (from, to, data, value, gas) is replayed with eth_call on the state of its block and the
/// revert data of that replay is decoded.
/// </summary>
internal sealed class RevertReplayer
{
    private readonly IRpcClient _rpc;
    private readonly Address _from;
    private readonly RevertDecoder _decoder;

    public RevertReplayer(IRpcClient rpc, Address from, RevertDecoder decoder)
    {
        _rpc = rpc;
        _from = from;
        _decoder = decoder;
    }

    public async Task<TransactionRevertedException> ExplainAsync(SentTransaction sent, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        var call = new CallRequest
        {
            From = _from,
            To = sent.Request.To,
            Data = sent.Request.Data.ToArray(),
            Value = sent.Request.Value,
            Gas = sent.GasLimit,
        };
        try
        {
            await _rpc.CallAsync(call, BlockTag.AtNumber(receipt.BlockNumber), cancellationToken).ConfigureAwait(false);
            return Unexplained(sent, receipt, "replaying the call on the state of its block did not revert, so the state it met has changed", null);
        }
        catch (RpcRevertException e)
        {
            return new TransactionRevertedException(_decoder.Decode(e.RevertData), sent.Hash, receipt, innerException: e);
        }
        catch (RpcException e)
        {
            return Unexplained(sent, receipt, "the replay with eth_call failed: " + e.Message, e);
        }
    }

    private static TransactionRevertedException Unexplained(SentTransaction sent, TransactionReceipt receipt, string detail, Exception? inner)
    {
        if (receipt.GasUsed >= sent.GasLimit)
            detail = $"it used all of its {sent.GasLimit.ToString(CultureInfo.InvariantCulture)} gas, so it most likely ran out of gas; {detail}";
        return new TransactionRevertedException(null, sent.Hash, receipt, detail, inner);
    }
}

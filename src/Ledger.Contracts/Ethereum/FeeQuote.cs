using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth;
using Nethereum.Web3;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// The EIP-1559 fees a sender signs with, read from the node at most once per
/// <see cref="TransactionSenderOptions.FeeLifetime"/> and shared by the sends of that time
/// (concurrent sends wait for one read instead of each asking): the base fee moves at most
/// 12.5 % a block, and the max fee leaves room for six full blocks of it.
/// </summary>
internal sealed class FeeQuote(IWeb3 web3, TransactionSenderOptions options, TimeProvider time)
{
    private readonly Lock _sync = new();
    // The last quote read (always a completed task) and the read under way, if any.
    private Task<(BigInteger Tip, BigInteger MaxFee)>? _current;
    private Task<(BigInteger Tip, BigInteger MaxFee)>? _refresh;
    private long _readAt;

    /// <summary>
    /// The tip and max fee per gas for a transaction signed now. Once the quote is older than the
    /// lifetime one send refreshes it while the others keep signing with the last quote, for
    /// one more lifetime at most; older than that, or failed, every send waits for the new one.
    /// </summary>
    public Task<(BigInteger Tip, BigInteger MaxFee)> GetAsync()
    {
        lock (_sync)
        {
            var age = time.GetElapsedTime(_readAt);
            if (_current is { } fresh && age < options.FeeLifetime)
                return fresh;
            if (_refresh is null || _refresh.IsCompleted)
                _refresh = RefreshAsync();
            return _current is { } last && age < options.FeeLifetime * 2 ? last : _refresh;
        }
    }

    private async Task<(BigInteger Tip, BigInteger MaxFee)> RefreshAsync()
    {
        var fees = await ReadAsync().ConfigureAwait(false);
        lock (_sync)
        {
            _current = Task.FromResult(fees);
            _readAt = time.GetTimestamp();
        }
        return fees;
    }

    private async Task<(BigInteger Tip, BigInteger MaxFee)> ReadAsync()
    {
        var tip = options.MaxPriorityFeePerGas
            ?? (await new EthMaxPriorityFeePerGas(web3.Client).SendRequestAsync().ConfigureAwait(false)).Value;
        var latest = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest()).ConfigureAwait(false);
        var baseFee = latest.BaseFeePerGas?.Value ?? BigInteger.Zero;
        // Twice the base fee survives six full blocks of +12.5 % each before the transaction stalls.
        return (tip, baseFee * 2 + tip);
    }
}

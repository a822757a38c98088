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
    private Task<(BigInteger Tip, BigInteger MaxFee)>? _current;
    private long _readAt;

    /// <summary>The tip and max fee per gas for a transaction signed now.</summary>
    public Task<(BigInteger Tip, BigInteger MaxFee)> GetAsync()
    {
        lock (_sync)
        {
            var fresh = _current is { IsFaulted: false, IsCanceled: false } && time.GetElapsedTime(_readAt) < options.FeeLifetime;
            if (!fresh)
            {
                _readAt = time.GetTimestamp();
                _current = ReadAsync();
            }
            return _current!;
        }
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

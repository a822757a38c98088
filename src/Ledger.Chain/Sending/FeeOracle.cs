using System.Numerics;
using Ledger.Chain.Rpc;

namespace Ledger.Chain.Sending;

/// <summary>
/// Decides the fees to offer and reuses the decision for <see cref="TransactionSenderOptions.FeeCacheDuration"/>,
/// so concurrent sends share one lookup instead of each making up to three calls.
/// A latest block with a base fee means EIP-1559; none means legacy at eth_gasPrice.
/// </summary>
internal sealed class FeeOracle
{
    private readonly IRpcClient _rpc;
    private readonly TransactionSenderOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private FeeQuote? _cached;
    private long _cachedAt;
    private Task<FeeQuote>? _refreshing;

    public FeeOracle(IRpcClient rpc, TransactionSenderOptions options, TimeProvider time)
    {
        _rpc = rpc;
        _options = options;
        _time = time;
    }

    public Task<FeeQuote> GetAsync(CancellationToken cancellationToken)
    {
        if (_options.FixedGasPrice is { } fixedPrice)
            return Task.FromResult(FeeQuote.Legacy(fixedPrice));

        TaskCompletionSource<FeeQuote>? refresh = null;
        Task<FeeQuote> pending;
        lock (_lock)
        {
            if (_cached is not null && _time.GetElapsedTime(_cachedAt) < _options.FeeCacheDuration)
                return Task.FromResult(_cached);
            if (_refreshing is null)
            {
                refresh = new TaskCompletionSource<FeeQuote>(TaskCreationOptions.RunContinuationsAsynchronously);
                _refreshing = refresh.Task;
            }
            pending = _refreshing;
        }
        if (refresh is not null)
            _ = RefreshAsync(refresh);
        // One caller giving up must not cancel the lookup the others share.
        return pending.WaitAsync(cancellationToken);
    }

    private async Task RefreshAsync(TaskCompletionSource<FeeQuote> refresh)
    {
        try
        {
            var quote = await FetchAsync().ConfigureAwait(false);
            lock (_lock)
            {
                _cached = quote;
                _cachedAt = _time.GetTimestamp();
                _refreshing = null;
            }
            refresh.SetResult(quote);
        }
        catch (Exception e)
        {
            lock (_lock)
                _refreshing = null;
            refresh.SetException(e);
        }
    }

    private async Task<FeeQuote> FetchAsync()
    {
        var latest = await _rpc.GetBlockHeaderAsync(BlockTag.Latest).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The node returned no latest block, so the fees cannot be chosen.");
        if (latest.BaseFeePerGas is not { } baseFee)
            return FeeQuote.Legacy(await _rpc.GetGasPriceAsync().ConfigureAwait(false));
        var tip = _options.MaxPriorityFeePerGas ?? await SuggestTipAsync(baseFee).ConfigureAwait(false);
        return FeeQuote.Dynamic(baseFee, tip);
    }

    private async Task<BigInteger> SuggestTipAsync(BigInteger baseFee)
    {
        BigInteger? gasPrice = null;
        if (baseFee.IsZero)
        {
            // A fee-less PoA chain (gas price 0, base fee 0): nodes may still suggest a default
            // tip (anvil says 1 gwei), which accounts without Ether could not pay.
            gasPrice = await _rpc.GetGasPriceAsync().ConfigureAwait(false);
            if (gasPrice.Value.IsZero)
                return BigInteger.Zero;
        }
        if (await _rpc.GetMaxPriorityFeePerGasAsync().ConfigureAwait(false) is { } suggested)
            return suggested;
        gasPrice ??= await _rpc.GetGasPriceAsync().ConfigureAwait(false);
        return BigInteger.Max(gasPrice.Value - baseFee, BigInteger.Zero);
    }
}

using Nethereum.Web3;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// The node's newest block number as the sends of one sender wait on it: one eth_blockNumber per
/// poll interval however many sends are waiting, so that a send asks for its receipt once per new
/// block instead of every poll interval (with 64 sends in flight that is most of the node's load).
/// </summary>
internal sealed class ChainHead(IWeb3 web3, TimeSpan pollInterval, TimeProvider time)
{
    private readonly Lock _sync = new();
    private Task<ulong>? _current;
    private long _askedAt;

    /// <summary>The newest block number, read at most one poll interval ago.</summary>
    public Task<ulong> GetAsync()
    {
        lock (_sync)
        {
            if (_current is null || _current.IsFaulted || _current.IsCanceled || time.GetElapsedTime(_askedAt) >= pollInterval)
            {
                _askedAt = time.GetTimestamp();
                _current = ReadAsync();
            }
            return _current;
        }
    }

    /// <summary>Waits until the head is above <paramref name="known"/> or <paramref name="until"/> passes; returns the head last seen.</summary>
    public async Task<ulong> WaitBeyondAsync(ulong known, long until, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(pollInterval, time, cancellationToken).ConfigureAwait(false);
            var head = await GetAsync().ConfigureAwait(false);
            if (head > known || time.GetTimestamp() >= until)
                return head;
        }
    }

    private async Task<ulong> ReadAsync() =>
        (ulong)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().ConfigureAwait(false)).Value;
}

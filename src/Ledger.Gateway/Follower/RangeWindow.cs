using Ledger.Contracts;

namespace Ledger.Gateway.Follower;

/// <summary>
/// How many blocks the event follower reads for its next range, and where a range it has read
/// ends. A range ends early, at a block boundary, once it holds more than the event cap (a single
/// block holding more is applied whole): under a bulk load checkpoints keep coming and watchers'
/// queues stay short. The window then shrinks to the blocks that were applied, so a bulk load is
/// not read whole again for every range cut short, and grows back (doubling, up to the block cap)
/// after ranges holding fewer than half the event cap. No node and no clock: the follower's
/// arithmetic, on its own so that it can be tested.
/// </summary>
internal sealed class RangeWindow
{
    private readonly ulong _maxBlocks;
    private readonly int _maxEvents;

    /// <summary>A window of <paramref name="maxBlocks"/> blocks, cut at <paramref name="maxEvents"/> events.</summary>
    public RangeWindow(ulong maxBlocks, int maxEvents)
    {
        ArgumentOutOfRangeException.ThrowIfZero(maxBlocks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEvents);
        _maxBlocks = maxBlocks;
        _maxEvents = maxEvents;
        Blocks = maxBlocks;
    }

    /// <summary>Blocks the next range reads.</summary>
    public ulong Blocks { get; private set; }

    /// <summary>The last block to read in a range starting at <paramref name="from"/>, no later than <paramref name="confirmed"/>.</summary>
    public ulong LastBlock(ulong from, ulong confirmed) => Math.Min(confirmed, from + Blocks - 1);

    /// <summary>
    /// Ends the range read over <paramref name="from"/>..<paramref name="read"/>: returns its last
    /// block to apply, trims <paramref name="logs"/> (in chain order) to it, and sizes the next window.
    /// </summary>
    public ulong End(ulong from, ulong read, List<ContractEvent> logs)
    {
        var end = EndOfRange(from, read, logs);
        Blocks = end < read ? end - from + 1 : logs.Count < _maxEvents / 2 ? Math.Min(_maxBlocks, Blocks * 2) : Blocks;
        return end;
    }

    private ulong EndOfRange(ulong from, ulong to, List<ContractEvent> logs)
    {
        if (logs.Count <= _maxEvents)
            return to;
        var firstLeftOut = logs[_maxEvents].Log.BlockNumber;
        // The block of the first event past the cap is left out, unless it is the range's first block with events: it is applied whole.
        var end = firstLeftOut > from && logs[0].Log.BlockNumber < firstLeftOut ? firstLeftOut - 1 : firstLeftOut;
        logs.RemoveAll(log => log.Log.BlockNumber > end);
        return end;
    }
}

namespace Ledger.Gateway.Follower;

/// <summary>Where one event was emitted: its block and its index among the block's logs.</summary>
/// <param name="Block">The block.</param>
/// <param name="LogIndex">The log index in the block.</param>
internal readonly record struct EventPosition(ulong Block, uint LogIndex);

/// <summary>
/// The positions of one permit's events, in chain order. Most permits have one event (a bulk-loaded
/// registration), so the first position is held inline (as two fields: an <see cref="EventPosition"/>
/// field would be padded) and only a permit with more events allocates a list: a dictionary entry of
/// about 64 bytes per permit instead of an object per event.
/// </summary>
/// <remarks>
/// A value never changes once made: a copy keeps listing what it listed. <see cref="Append"/> is
/// amortised O(1) all the same, because the values of one permit share one growing list, each seeing
/// its first <c>_moreCount</c> items, and only the permit's latest value may be appended to (it adds
/// in place). Appending to an older copy would add after positions it does not see, so it is refused:
/// <see cref="PermitLogIndex"/> appends only to the value it stores, and stores the result, under its
/// lock. Readers get copies from <see cref="ToList"/>, taken under the same lock. Not thread-safe.
/// </remarks>
internal readonly struct PermitPositions
{
    private readonly ulong _firstBlock;
    private readonly uint _firstLogIndex;
    private readonly int _moreCount;
    private readonly List<EventPosition>? _more;

    /// <summary>A permit with one event.</summary>
    public PermitPositions(EventPosition first) : this(first, null, 0)
    {
    }

    private PermitPositions(EventPosition first, List<EventPosition>? more, int moreCount)
    {
        _firstBlock = first.Block;
        _firstLogIndex = first.LogIndex;
        _more = more;
        _moreCount = moreCount;
    }

    /// <summary>How many positions these are.</summary>
    public int Count => 1 + _moreCount;

    private EventPosition First => new(_firstBlock, _firstLogIndex);

    /// <summary>Positions of <paramref name="positions"/> (at least one, in chain order).</summary>
    public static PermitPositions Of(IReadOnlyList<EventPosition> positions) =>
        positions.Count > 1 ? new(positions[0], [.. positions.Skip(1)], positions.Count - 1) : new(positions[0]);

    /// <summary>These positions followed by <paramref name="next"/>: the permit's new latest value.</summary>
    /// <exception cref="InvalidOperationException">These are not the permit's latest positions (another value was appended to since).</exception>
    public PermitPositions Append(EventPosition next)
    {
        // The first extra position makes a list of one: most permits that have more than one event have few.
        var more = _more ?? new List<EventPosition>(1);
        if (more.Count != _moreCount)
            throw new InvalidOperationException("Positions can only be appended to the permit's latest value.");
        more.Add(next);
        return new(First, more, _moreCount + 1);
    }

    /// <summary><paramref name="earlier"/> (at least one, in chain order) followed by these positions: a value of its own.</summary>
    public PermitPositions Prepend(IReadOnlyList<EventPosition> earlier) => Of([.. earlier, .. ToList()]);

    /// <summary>All positions, in chain order: a copy, which later appends do not change.</summary>
    public IReadOnlyList<EventPosition> ToList()
    {
        var all = new EventPosition[Count];
        all[0] = First;
        _more?.CopyTo(0, all, 1, _moreCount);
        return all;
    }
}

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
/// A value never changes once made, so a copy taken earlier keeps listing what it listed. Appending
/// is amortised O(1) all the same: the values of one permit share one growing list, each seeing the
/// first <c>_moreCount</c> items of it; <see cref="Append"/> adds in place only when nothing was
/// added past this value's end yet (it is the permit's latest value), and copies otherwise, so no
/// value ever sees another's additions. Not thread-safe: values sharing a list must be appended to
/// and read one at a time, which <see cref="PermitLogIndex"/> does under its lock (readers get copies
/// from <see cref="ToList"/>).
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

    /// <summary>These positions followed by <paramref name="next"/>.</summary>
    public PermitPositions Append(EventPosition next)
    {
        var more = _more;
        // The first extra position (a list of one: most permits have few events), or a value that
        // is no longer its permit's latest (another value added past its end): a list of its own.
        if (more is null || more.Count != _moreCount)
            more = more is null ? new List<EventPosition>(1) : more.GetRange(0, _moreCount);
        more.Add(next);
        return new(First, more, _moreCount + 1);
    }

    /// <summary><paramref name="earlier"/> (at least one, in chain order) followed by these positions.</summary>
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

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
/// <see cref="Append"/> adds in place to the permit's list, amortised O(1), so a value is its
/// permit's only one: <see cref="PermitLogIndex"/> appends through a reference to where the value is
/// stored in its dictionary, under its lock, and never keeps a copy (a copy would share the list).
/// Readers never see the list: they get copies from <see cref="ToList"/>, taken under the same lock.
/// Not thread-safe.
/// </remarks>
internal struct PermitPositions
{
    private readonly ulong _firstBlock;
    private readonly uint _firstLogIndex;
    private List<EventPosition>? _more;

    /// <summary>A permit with one event.</summary>
    public PermitPositions(EventPosition first) : this(first, null)
    {
    }

    private PermitPositions(EventPosition first, List<EventPosition>? more)
    {
        _firstBlock = first.Block;
        _firstLogIndex = first.LogIndex;
        _more = more;
    }

    /// <summary>How many positions these are.</summary>
    public readonly int Count => 1 + (_more?.Count ?? 0);

    private readonly EventPosition First => new(_firstBlock, _firstLogIndex);

    /// <summary>Positions of <paramref name="positions"/> (at least one, in chain order).</summary>
    public static PermitPositions Of(IReadOnlyList<EventPosition> positions) =>
        new(positions[0], positions.Count > 1 ? [.. positions.Skip(1)] : null);

    /// <summary>Adds <paramref name="next"/> after these positions, in place.</summary>
    // The first extra position makes a list of one: most permits that have more than one event have few.
    public void Append(EventPosition next) => (_more ??= new List<EventPosition>(1)).Add(next);

    /// <summary><paramref name="earlier"/> (at least one, in chain order) followed by these positions: a new value.</summary>
    public readonly PermitPositions Prepend(IReadOnlyList<EventPosition> earlier) => Of([.. earlier, .. ToList()]);

    /// <summary>All positions, in chain order: a copy, which later appends do not change.</summary>
    public readonly IReadOnlyList<EventPosition> ToList()
    {
        var all = new EventPosition[Count];
        all[0] = First;
        _more?.CopyTo(all, 1);
        return all;
    }
}

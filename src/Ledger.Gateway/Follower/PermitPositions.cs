namespace Ledger.Gateway.Follower;

/// <summary>Where one event was emitted: its block and its index among the block's logs.</summary>
/// <param name="Block">The block.</param>
/// <param name="LogIndex">The log index in the block.</param>
internal readonly record struct EventPosition(ulong Block, uint LogIndex);

/// <summary>
/// The positions of one permit's events, in chain order. Most permits have one event (a bulk-loaded
/// registration), so the first position is held inline and only a permit with more events
/// allocates an array: a dictionary entry of about 64 bytes per permit instead of an object per event.
/// </summary>
internal readonly struct PermitPositions
{
    private readonly EventPosition _first;
    private readonly EventPosition[]? _more;

    /// <summary>A permit with one event.</summary>
    public PermitPositions(EventPosition first) => _first = first;

    private PermitPositions(EventPosition first, EventPosition[]? more)
    {
        _first = first;
        _more = more;
    }

    /// <summary>Positions of <paramref name="positions"/> (at least one, in chain order).</summary>
    public static PermitPositions Of(IReadOnlyList<EventPosition> positions) =>
        new(positions[0], positions.Count > 1 ? positions.Skip(1).ToArray() : null);

    /// <summary>These positions followed by <paramref name="next"/>.</summary>
    public PermitPositions Append(EventPosition next) => new(_first, _more is null ? [next] : [.. _more, next]);

    /// <summary><paramref name="earlier"/> (at least one, in chain order) followed by these positions.</summary>
    public PermitPositions Prepend(IReadOnlyList<EventPosition> earlier) => Of([.. earlier, .. ToList()]);

    /// <summary>All positions, in chain order.</summary>
    public IReadOnlyList<EventPosition> ToList() => _more is null ? [_first] : [_first, .. _more];
}

using System.Collections.Concurrent;
using Ledger.Core.Permits;

namespace Ledger.Gateway.Application;

/// <summary>
/// Permit IDs already parsed on the verify path, by the exact text the caller sent. A hot permit
/// is asked again and again, and parsing one hashes it (keccak256 of the normalised ID, with its
/// allocations) every time. Text that does not parse is never kept: it fails as it always did.
/// Bounded: once <see cref="Capacity"/> texts are held it starts again empty, so callers sending
/// ever new IDs cost memory only up to the bound (a dictionary of short strings).
/// </summary>
internal sealed class PermitIdMemo
{
    /// <summary>Most texts held at once.</summary>
    public const int Capacity = 10_000;

    private Held _held = new();

    /// <summary>The ID <paramref name="text"/> names; throws as <see cref="ApiMapping.ParsePermitId"/> does.</summary>
    public PermitId Parse(string? text, string field)
    {
        var held = _held;
        if (text is not null && held.Ids.TryGetValue(text, out var id))
            return id;
        var parsed = ApiMapping.ParsePermitId(text, field);
        // Counted beside the dictionary: its Count takes every one of its locks, on every new ID.
        if (Interlocked.Increment(ref held.Added) > Capacity)
            _held = held = new Held();
        held.Ids.TryAdd(text!, parsed);
        return parsed;
    }

    // A dictionary and how many were added to it, replaced together when full.
    private sealed class Held
    {
        public readonly ConcurrentDictionary<string, PermitId> Ids = new(StringComparer.Ordinal);
        public int Added;
    }
}

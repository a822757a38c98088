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

    private ConcurrentDictionary<string, PermitId> _known = new(StringComparer.Ordinal);

    /// <summary>The ID <paramref name="text"/> names; throws as <see cref="ApiMapping.ParsePermitId"/> does.</summary>
    public PermitId Parse(string? text, string field)
    {
        var known = _known;
        if (text is not null && known.TryGetValue(text, out var id))
            return id;
        var parsed = ApiMapping.ParsePermitId(text, field);
        if (known.Count >= Capacity)
            _known = known = new ConcurrentDictionary<string, PermitId>(StringComparer.Ordinal);
        known.TryAdd(text!, parsed);
        return parsed;
    }
}

using System.Globalization;

namespace Ledger.Core.Primitives;

/// <summary>
/// The one way the domain writes a moment for people: UTC, to the second, unambiguous
/// across the time zones of the authorities reading it.
/// </summary>
internal static class UtcText
{
    /// <summary>"2026-06-01 00:00:00 UTC".</summary>
    public static string Format(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy'-'MM'-'dd' 'HH':'mm':'ss' UTC'", CultureInfo.InvariantCulture);
}

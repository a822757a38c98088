using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Ledger.Cli.Connection;

namespace Ledger.Cli.Input;

/// <summary>Validity dates from the command line, as whole-second UTC timestamps.</summary>
public static class Dates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>
    /// "2026-06-01" (midnight UTC) or "2026-06-01T12:00:00Z" (an offset, or none for UTC).
    /// Throws <see cref="CliInputException"/> naming the option when it is neither.
    /// </summary>
    public static Timestamp Parse(string text, string option)
    {
        if (!DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            throw new CliInputException($"{option} '{text}' is not a date (2026-06-01) or UTC time (2026-06-01T12:00:00Z).");
        return Timestamp.FromDateTimeOffset(time);
    }

    /// <summary>
    /// The default start of validity: the start of <paramref name="now"/>'s UTC day. A whole
    /// day rather than "now", so that re-running the same command with the same request ID
    /// the same day sends the same request, and the gateway answers it as a retry instead of
    /// refusing it as a different request under a reused ID.
    /// </summary>
    public static Timestamp DefaultValidFrom(DateTimeOffset now) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero));
}

using Ledger.Api.V1;

namespace Ledger.Cli.Input;

/// <summary>The cancel reason names used on the command line (issued-in-error, fraud, ...), both ways.</summary>
public static class CancelReasonNames
{
    private static readonly (string Name, CancelReason Reason)[] Names =
    [
        ("issued-in-error", CancelReason.IssuedInError),
        ("withdrawn", CancelReason.Withdrawn),
        ("fraud", CancelReason.Fraud),
        ("specimen-lost", CancelReason.SpecimenLost),
        ("replaced", CancelReason.Replaced),
        ("other", CancelReason.Other),
    ];

    /// <summary>The names a user may give (not "replaced": that is what ReplacePermit sets).</summary>
    public static IEnumerable<string> Choosable => Names.Where(entry => entry.Reason != CancelReason.Replaced).Select(entry => entry.Name);

    /// <summary>The reason of a name (any case); null when it names none a user may choose.</summary>
    public static CancelReason? Parse(string name) =>
        Names.Where(entry => entry.Reason != CancelReason.Replaced && string.Equals(entry.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(entry => (CancelReason?)entry.Reason).FirstOrDefault();

    /// <summary>The name of a reason; "unspecified" for none.</summary>
    public static string NameOf(CancelReason reason) =>
        Names.Where(entry => entry.Reason == reason).Select(entry => entry.Name).FirstOrDefault() ?? "unspecified";
}

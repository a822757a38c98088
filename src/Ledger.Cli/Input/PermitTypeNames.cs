using Ledger.Api.V1;

namespace Ledger.Cli.Input;

/// <summary>The permit type names used on the command line (cites-export, ephyto, ...), both ways.</summary>
public static class PermitTypeNames
{
    private static readonly (string Name, PermitType Type)[] Names =
    [
        ("cites-export", PermitType.CitesExport),
        ("cites-import", PermitType.CitesImport),
        ("cites-re-export", PermitType.CitesReExport),
        ("cites-certificate", PermitType.CitesCertificate),
        ("ephyto", PermitType.Ephyto),
        ("ephyto-re-export", PermitType.EphytoReExport),
    ];

    /// <summary>Every accepted name, for help texts and error messages.</summary>
    public static IEnumerable<string> All => Names.Select(entry => entry.Name);

    /// <summary>The type of a name (any case); null when it names none.</summary>
    public static PermitType? Parse(string name) =>
        Names.Where(entry => string.Equals(entry.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(entry => (PermitType?)entry.Type).FirstOrDefault();

    /// <summary>The name of a type; "unspecified" for none.</summary>
    public static string NameOf(PermitType type) =>
        Names.Where(entry => entry.Type == type).Select(entry => entry.Name).FirstOrDefault() ?? "unspecified";
}

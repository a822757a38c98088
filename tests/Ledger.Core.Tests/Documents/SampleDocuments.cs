using System.Text;

namespace Ledger.Core.Tests.Documents;

/// <summary>The project's sample permit documents (samples/documents), and variants made by editing their text.</summary>
internal static class SampleDocuments
{
    public const string CitesExport = "cites-export-CH-2026-000123.xml";
    public const string EPhyto = "ephyto-FR-EPH-2026-0042.xml";

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));

    /// <summary>The sample with each (old, new) replacement applied; each old text must occur exactly once.</summary>
    public static byte[] Variant(string name, params (string Old, string New)[] replacements)
    {
        var text = Text(name);
        foreach (var (old, replacement) in replacements)
        {
            var at = text.IndexOf(old, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(old, at + 1, StringComparison.Ordinal) >= 0)
                throw new ArgumentException($"'{old}' must occur exactly once in {name}");
            text = text[..at] + replacement + text[(at + old.Length)..];
        }
        return Encoding.UTF8.GetBytes(text);
    }
}

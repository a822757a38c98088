using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ledger.Network;

/// <summary>How generated files are written: indented JSON with LF line ends, so a regeneration compares byte for byte.</summary>
internal static class GeneratedFiles
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Writes <paramref name="text"/> with LF line ends, creating the folder.</summary>
    public static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
    }
}

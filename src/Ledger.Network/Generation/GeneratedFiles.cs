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

    /// <summary>Writes a secret: as <see cref="Write"/>, readable and writable by the owner only (0600).</summary>
    public static void WriteSecret(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(text.ReplaceLineEndings("\n"));
        // UnixCreateMode applies to a new file only; an existing one is narrowed too.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, OwnerOnly);
    }

    /// <summary>Writes <paramref name="text"/> with LF line ends, creating the folder.</summary>
    public static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
    }
}

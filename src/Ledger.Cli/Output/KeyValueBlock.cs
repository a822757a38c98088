using System.Text;

namespace Ledger.Cli.Output;

/// <summary>
/// A block of "key: value" lines with the values aligned in one column, the readable form
/// of every answer the CLI prints. Empty values are left out.
/// </summary>
public sealed class KeyValueBlock
{
    private readonly List<(string Key, string Value)> _lines = [];

    /// <summary>Adds a line unless <paramref name="value"/> is null or empty.</summary>
    public KeyValueBlock Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            _lines.Add((key, value));
        return this;
    }

    /// <summary>The lines, values starting in the same column, each ending with a newline.</summary>
    public override string ToString()
    {
        if (_lines.Count == 0)
            return "";
        var width = _lines.Max(line => line.Key.Length) + 2;
        var text = new StringBuilder();
        foreach (var (key, value) in _lines)
            text.Append((key + ":").PadRight(width)).Append(value).Append('\n');
        return text.ToString();
    }
}

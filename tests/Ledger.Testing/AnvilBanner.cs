using System.Globalization;
using System.Text.RegularExpressions;
using Ledger.Core.Primitives;

namespace Ledger.Testing;

/// <summary>
/// What anvil prints on startup, parsed: the dev accounts ("Available Accounts" and
/// "Private Keys" sections, numbered "(i) 0x..."), the chain id, and the
/// "Listening on HOST:PORT" line that ends the banner.
/// </summary>
internal sealed partial record AnvilBanner(IReadOnlyList<DevAccount> Accounts, ulong ChainId, Uri RpcUrl)
{
    /// <summary>If <paramref name="line"/> is the "Listening on" line, the URL it announces.</summary>
    public static Uri? ListeningUrl(string line)
    {
        var match = ListeningLine().Match(line);
        return match.Success ? new Uri($"http://{match.Groups[1].Value}:{match.Groups[2].Value}/") : null;
    }

    /// <summary>Parses the banner lines up to and including the "Listening on" line.</summary>
    public static AnvilBanner Parse(IReadOnlyList<string> lines)
    {
        var addresses = NumberedValues(lines, "Available Accounts");
        var keys = NumberedValues(lines, "Private Keys");
        if (addresses.Count == 0 || addresses.Count != keys.Count)
            throw new FormatException($"anvil listed {addresses.Count} accounts and {keys.Count} private keys.");
        var accounts = addresses.Zip(keys, (address, key) => new DevAccount(Address.Parse(address), key)).ToList();

        var chainIdAt = IndexOfSection(lines, "Chain ID");
        var chainIdLine = chainIdAt < 0 ? null : lines.Skip(chainIdAt + 2).FirstOrDefault(l => l.Trim().Length > 0);
        if (chainIdLine is null || !ulong.TryParse(chainIdLine.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var chainId))
            throw new FormatException("anvil's banner has no Chain ID section.");

        var url = lines.Select(ListeningUrl).LastOrDefault(u => u is not null)
            ?? throw new FormatException("anvil's banner has no \"Listening on\" line.");
        return new AnvilBanner(accounts, chainId, url);
    }

    /// <summary>The first token after "(i) " on the lines of a section, in order.</summary>
    private static List<string> NumberedValues(IReadOnlyList<string> lines, string section)
    {
        var values = new List<string>();
        var start = IndexOfSection(lines, section);
        if (start < 0)
            return values;
        // The section title is followed by a "=====" underline, then the numbered lines.
        for (var i = start + 2; i < lines.Count; i++)
        {
            var match = NumberedLine().Match(lines[i]);
            if (match.Success)
                values.Add(match.Groups[2].Value);
            else if (values.Count > 0 || lines[i].Trim().Length > 0)
                break;
        }
        return values;
    }

    private static int IndexOfSection(IReadOnlyList<string> lines, string section)
    {
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (lines[i].Trim() == section && lines[i + 1].TrimStart().StartsWith("==", StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    [GeneratedRegex(@"^\s*\((\d+)\)\s+(0x[0-9a-fA-F]+)")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"Listening on (\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})")]
    private static partial Regex ListeningLine();
}

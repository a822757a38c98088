using Google.Protobuf;
using Ledger.Api.V1;
using Ledger.Cli.Connection;

namespace Ledger.Cli.Input;

/// <summary>
/// A batch of permits to register: JSON Lines, one PermitDraft per line in the canonical
/// proto3 JSON form the gateway's HTTP routes also take (document as base64). Blank lines
/// and lines starting with # are skipped.
/// </summary>
public static class BatchFile
{
    /// <summary>Most permits in one file, to bound memory; split larger sets.</summary>
    public const int MaxPermits = 10_000;

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <summary>Reads the drafts; throws <see cref="CliInputException"/> naming the file and line of a bad entry.</summary>
    public static IReadOnlyList<PermitDraft> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read {path}: {e.Message}");
        }
        var drafts = new List<PermitDraft>();
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (drafts.Count == MaxPermits)
                throw new CliInputException($"{path} has more than {MaxPermits} permits; split it.");
            try
            {
                drafts.Add(Parser.Parse<PermitDraft>(line));
            }
            catch (InvalidProtocolBufferException e)
            {
                throw new CliInputException($"{path}:{number}: not a PermitDraft in proto3 JSON: {e.Message}");
            }
            catch (InvalidJsonException e)
            {
                throw new CliInputException($"{path}:{number}: not JSON: {e.Message}");
            }
        }
        if (drafts.Count == 0)
            throw new CliInputException($"{path} holds no permits.");
        return drafts;
    }
}

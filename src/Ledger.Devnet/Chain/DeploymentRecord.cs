using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledger.Devnet.Chain;

/// <summary>
/// Where the devnet's contracts are: the JSON file the gateway reads through
/// Chain:DeploymentRecordFile (keys permitRegistry and authorityRegistry).
/// </summary>
public sealed record DeploymentRecord(
    [property: JsonPropertyName("chainId")] ulong ChainId,
    [property: JsonPropertyName("authorityRegistry")] string AuthorityRegistry,
    [property: JsonPropertyName("permitRegistry")] string PermitRegistry,
    [property: JsonPropertyName("deploymentBlock")] ulong DeploymentBlock)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the record to <paramref name="path"/> (replacing an older devnet's).</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, Indented), cancellationToken);
    }
}

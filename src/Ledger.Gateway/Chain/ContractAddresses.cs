using System.Text.Json;
using Ledger.Chain.Primitives;

namespace Ledger.Gateway.Chain;

/// <summary>Where the two contracts live, from explicit addresses or a deployment record file.</summary>
/// <param name="PermitRegistry">The PermitRegistry contract.</param>
/// <param name="AuthorityRegistry">The AuthorityRegistry contract.</param>
public sealed record ContractAddresses(Address PermitRegistry, Address AuthorityRegistry)
{
    /// <summary>Longest deployment record read, in bytes; a real one is well under 4 KiB.</summary>
    public const int MaxRecordBytes = 64 * 1024;

    /// <summary>
    /// Resolves the addresses: explicit <see cref="GatewayChainOptions.PermitRegistry"/> and
    /// <see cref="GatewayChainOptions.AuthorityRegistry"/> win; otherwise they are read from the
    /// deployment record (top-level <c>permitRegistry</c> and <c>authorityRegistry</c>, either an
    /// address or an object with an <c>address</c>, names in any letter case).
    /// </summary>
    /// <exception cref="InvalidOperationException">An address is missing or malformed; the message names the setting.</exception>
    public static ContractAddresses Resolve(GatewayChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        JsonElement? record = null;
        if (!string.IsNullOrWhiteSpace(options.DeploymentRecordFile))
            record = ReadRecord(options.DeploymentRecordFile);
        return new ContractAddresses(
            Pick(options.PermitRegistry, record, "permitRegistry", options.DeploymentRecordFile),
            Pick(options.AuthorityRegistry, record, "authorityRegistry", options.DeploymentRecordFile));
    }

    private static JsonElement ReadRecord(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new InvalidOperationException($"Chain:DeploymentRecordFile '{path}' does not exist.");
        if (info.Length > MaxRecordBytes)
            throw new InvalidOperationException($"Chain:DeploymentRecordFile '{path}' is larger than {MaxRecordBytes} bytes; is it the right file?");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Chain:DeploymentRecordFile '{path}' is not JSON: {e.Message}", e);
        }
    }

    private static Address Pick(string? configured, JsonElement? record, string name, string? recordPath)
    {
        var key = $"Chain:{char.ToUpperInvariant(name[0])}{name[1..]}";
        var text = configured;
        if (string.IsNullOrWhiteSpace(text) && record is { ValueKind: JsonValueKind.Object } root)
            text = FindAddress(root, name);
        if (string.IsNullOrWhiteSpace(text))
            throw new InvalidOperationException(
                $"{key} is not set and the deployment record '{recordPath ?? "(none)"}' names no {name}.");
        if (!Address.TryParse(text.Trim(), out var address, out var error))
            throw new InvalidOperationException($"{key} is not an address: {error}");
        return address;
    }

    private static string? FindAddress(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                continue;
            if (property.Value.ValueKind == JsonValueKind.String)
                return property.Value.GetString();
            if (property.Value.ValueKind != JsonValueKind.Object)
                return null;
            foreach (var inner in property.Value.EnumerateObject())
            {
                if (inner.Name.Equals("address", StringComparison.OrdinalIgnoreCase) && inner.Value.ValueKind == JsonValueKind.String)
                    return inner.Value.GetString();
            }
        }
        return null;
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Ledger.Core.Primitives;

namespace Ledger.Contracts.Deployment;

/// <summary>The JSON form of a <see cref="DeploymentRecord"/>, written and read field by field so the format is explicit.</summary>
internal static class DeploymentRecordJson
{
    public const string Format = "permit-ledger-deployment/1";
    public const int MaxLength = 64 * 1024;

    public static string Write(DeploymentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteNumber("chainId", record.ChainId);
            writer.WriteString("deployer", record.Deployer.ToString());
            writer.WriteString("deployedAt", record.DeployedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            WriteContract(writer, "authorityRegistry", record.AuthorityRegistry);
            WriteContract(writer, "permitRegistry", record.PermitRegistry);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static DeploymentRecord Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
            throw new DeploymentException($"A deployment record is at most {MaxLength} characters; this one has {json.Length}.");
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var format = root.GetProperty("format").GetString();
            if (format != Format)
                throw new DeploymentException($"The deployment record has format \"{format}\"; this build reads \"{Format}\".");
            var chainId = root.GetProperty("chainId").GetUInt64();
            if (chainId == 0)
                throw new DeploymentException("The deployment record's chainId is 0; chain ids start at 1.");
            return new DeploymentRecord(
                chainId,
                Address.Parse(Text(root, "deployer")),
                DateTimeOffset.ParseExact(Text(root, "deployedAt"), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                ReadContract(root.GetProperty("authorityRegistry")),
                ReadContract(root.GetProperty("permitRegistry")));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new DeploymentException("The deployment record is malformed: " + e.Message, e);
        }
    }

    private static void WriteContract(Utf8JsonWriter writer, string name, DeployedContract contract)
    {
        writer.WriteStartObject(name);
        writer.WriteString("address", contract.Address.ToString());
        writer.WriteString("transactionHash", contract.TransactionHash.ToString());
        writer.WriteNumber("blockNumber", contract.BlockNumber);
        writer.WriteString("abiVersion", contract.AbiVersion);
        writer.WriteEndObject();
    }

    private static DeployedContract ReadContract(JsonElement element) => new(
        Address.Parse(Text(element, "address")),
        Bytes32.Parse(Text(element, "transactionHash")),
        element.GetProperty("blockNumber").GetUInt64(),
        Text(element, "abiVersion"));

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"\"{name}\" is null.");
}

using System.Text.Json;
using Ledger.Cli.Connection;

namespace Ledger.Cli.Demo;

/// <summary>
/// Which gateway each officer of the demo talks to: its own authority's (as a devnet writes
/// them to .devnet/gateways.json), or one gateway for everyone. Disposing closes every channel.
/// </summary>
public sealed class DemoGateways : IDisposable
{
    private readonly Dictionary<string, GatewayClients> _byIdentity;
    private readonly GatewayClients? _fallback;
    private readonly List<GatewayClients> _owned = [];

    private DemoGateways(Dictionary<string, GatewayClients> byIdentity, GatewayClients? fallback)
    {
        _byIdentity = byIdentity;
        _fallback = fallback;
    }

    /// <summary>Every officer on one gateway (not owned: the caller disposes it).</summary>
    public static DemoGateways Single(GatewayClients gateway) => new(new Dictionary<string, GatewayClients>(StringComparer.Ordinal), gateway);

    /// <summary>Each identity on its own gateway, one channel per gateway address.</summary>
    public static DemoGateways PerIdentity(IReadOnlyDictionary<string, Uri> gateways, GatewaySettings template)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        ArgumentNullException.ThrowIfNull(template);
        var demo = new DemoGateways(new Dictionary<string, GatewayClients>(StringComparer.Ordinal), null);
        foreach (var group in gateways.GroupBy(entry => entry.Value))
        {
            var clients = GatewayClientFactory.Create(template with { Address = group.Key });
            demo._owned.Add(clients);
            foreach (var (identity, _) in group)
                demo._byIdentity[identity] = clients;
        }
        return demo;
    }

    /// <summary>Reads a gateways.json (identity → gateway URL) as a devnet writes it.</summary>
    /// <exception cref="CliInputException">The file is not such a list.</exception>
    public static IReadOnlyDictionary<string, Uri> ReadList(string path)
    {
        try
        {
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
            return entries.ToDictionary(entry => entry.Key, entry => new Uri(entry.Value), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or UriFormatException or IOException)
        {
            throw new CliInputException($"{path} is not a devnet's gateway list: {e.Message}");
        }
    }

    /// <summary>The gateway of <paramref name="identity"/>.</summary>
    public GatewayClients For(string identity) =>
        _byIdentity.TryGetValue(identity, out var clients) ? clients
        : _fallback ?? throw new CliInputException($"no gateway is listed for '{identity}'");

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var clients in _owned)
            clients.Dispose();
    }
}

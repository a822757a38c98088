using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Ledger.Benchmarks.Clients;

/// <summary>
/// The node's JSON-RPC over a plain pooled HttpClient: the baselines (eth_call of verify, pre-signed
/// eth_sendRawTransaction) go straight to the node with as little client work as possible, so the
/// gateway is compared with the cheapest way to ask the same node.
/// </summary>
internal sealed class RawNode : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private long _id;

    /// <summary>A client of the node at <paramref name="rpcUrl"/>.</summary>
    public RawNode(Uri rpcUrl)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = rpcUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>eth_call at "latest"; returns the result's hex.</summary>
    public async Task<string> CallAsync(string to, string dataHex, CancellationToken ct) =>
        (await SendAsync("eth_call", $"[{{\"to\":\"{to}\",\"data\":\"{dataHex}\"}},\"latest\"]", ct)).GetString()!;

    /// <summary>eth_sendRawTransaction; returns the transaction hash.</summary>
    public async Task<string> SendRawAsync(string rawHex, CancellationToken ct) =>
        (await SendAsync("eth_sendRawTransaction", $"[\"{rawHex}\"]", ct)).GetString()!;

    /// <summary>eth_blockNumber.</summary>
    public async Task<ulong> BlockNumberAsync(CancellationToken ct) => Quantity(await SendAsync("eth_blockNumber", "[]", ct));

    /// <summary>The receipt of <paramref name="txHash"/>, or null while it is not mined.</summary>
    public async Task<Receipt?> ReceiptAsync(string txHash, CancellationToken ct)
    {
        var result = await SendAsync("eth_getTransactionReceipt", $"[\"{txHash}\"]", ct);
        if (result.ValueKind == JsonValueKind.Null)
            return null;
        return new Receipt(Quantity(result.GetProperty("blockNumber")), Quantity(result.GetProperty("gasUsed")), Quantity(result.GetProperty("status")) == 1);
    }

    /// <summary>Polls for the receipt every <paramref name="poll"/> until it is mined.</summary>
    public async Task<Receipt> WaitForReceiptAsync(string txHash, TimeSpan poll, CancellationToken ct)
    {
        while (true)
        {
            if (await ReceiptAsync(txHash, ct) is { } receipt)
                return receipt;
            await Task.Delay(poll, ct);
        }
    }

    /// <summary>Any method with its params as a JSON array text; returns the result (throws on a JSON-RPC error).</summary>
    public async Task<JsonElement> SendAsync(string method, string paramsJson, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _id);
        var body = $"{{\"jsonrpc\":\"2.0\",\"id\":{id.ToString(CultureInfo.InvariantCulture)},\"method\":\"{method}\",\"params\":{paramsJson}}}";
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync((Uri?)null, content, ct);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        if (document.RootElement.TryGetProperty("error", out var error))
            throw new InvalidOperationException($"{method} failed: {error.GetRawText()}");
        return document.RootElement.GetProperty("result").Clone();
    }

    /// <summary>A JSON-RPC quantity ("0x1a") as a number.</summary>
    public static ulong Quantity(JsonElement value) => ulong.Parse(value.GetString()!.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

/// <summary>What the benchmarks read from a receipt.</summary>
/// <param name="BlockNumber">Block that includes the transaction.</param>
/// <param name="GasUsed">Gas the transaction used.</param>
/// <param name="Succeeded">Status 1.</param>
internal sealed record Receipt(ulong BlockNumber, ulong GasUsed, bool Succeeded);

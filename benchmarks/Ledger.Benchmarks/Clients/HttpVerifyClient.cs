using System.Net;

namespace Ledger.Benchmarks.Clients;

/// <summary>
/// VerifyPermit over HTTP/JSON (the gateway's transcoded route GET /v1/permits:verify), as a
/// national system without gRPC would call it: HTTP/2 with prior knowledge, as a devnet gateway
/// speaks it, the devnet identity in its header.
/// </summary>
internal sealed class HttpVerifyClient : IDisposable
{
    private const string ValidStatus = "\"status\":\"VERIFICATION_STATUS_VALID\"";
    private readonly HttpClient _http;
    private readonly string _identity;

    /// <summary>A client of <paramref name="gateway"/> acting as <paramref name="identity"/>.</summary>
    public HttpVerifyClient(Uri gateway, string identity)
    {
        _identity = identity;
        _http = new HttpClient(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
        {
            BaseAddress = gateway,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Verifies <paramref name="permitId"/>; throws unless the answer is 200 and VALID.</summary>
    public async Task VerifyValidAsync(string permitId, CancellationToken ct)
    {
        var (status, body) = await GetAsync("v1/permits:verify?permit_id=" + Uri.EscapeDataString(permitId), ct);
        if (status != HttpStatusCode.OK || !body.Contains(ValidStatus, StringComparison.Ordinal))
            throw new InvalidOperationException($"HTTP verify of {permitId}: {(int)status} {body[..Math.Min(body.Length, 200)]}");
    }

    /// <summary>GET <paramref name="pathAndQuery"/> as the identity, the way a verify is sent; returns the status and the body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string pathAndQuery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery)
        {
            // A request built by hand does not take the client's default version.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Add(Ledger.Cli.Connection.GatewaySettings.DevIdentityHeader, _identity);
        using var response = await _http.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

using System.Net;
using System.Security.Cryptography.X509Certificates;
using Ledger.Console.BrowserTests.Support;

namespace Ledger.Console.BrowserTests;

/// <summary>
/// A Production console admits TLS clients without a certificate (for its public page): such
/// callers are limited per client address and may send only small bodies; officers are not
/// counted against that limit.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AnonymousConsoleLimitTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Callers_without_a_certificate_are_limited_per_address_and_officers_are_not()
    {
        await using var gateway = await ProductionConsoleGateway.StartAsync(fixture.Devnet, new Dictionary<string, string?>
        {
            ["Limits:AnonymousConsoleRequestsPerSecond"] = "1",
            ["Limits:AnonymousConsoleBurst"] = "3",
        });
        using var anonymous = Client(null);
        var (certificateFile, keyFile) = gateway.IssueOfficerCertificate("CN=Anna Example, O=FOEN, C=CH");
        using var officerCertificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        using var officer = Client(officerCertificate);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await anonymous.GetAsync(new Uri(gateway.Console, "/"));
            statuses.Add(response.StatusCode);
        }
        using var officerAfter = await officer.GetAsync(new Uri(gateway.Console, "/"));

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Skip(3));
        Assert.Equal(HttpStatusCode.OK, officerAfter.StatusCode);
    }

    [Fact]
    public async Task A_caller_without_a_certificate_is_refused_a_large_body_before_it_is_read()
    {
        await using var gateway = await ProductionConsoleGateway.StartAsync(fixture.Devnet);
        // Raw HTTP/1.1 over TLS without a client certificate: the headers announce 1 MiB to the identity
        // form (antiforgery reads the form) and the body trickles in, 1 KiB every 200 ms, fast enough for
        // Kestrel's minimum data rate: only a body limit can answer before the 20 s timeout.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(gateway.Console.Host, gateway.Console.Port);
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions
        {
            TargetHost = gateway.Console.Host,
            ApplicationProtocols = [System.Net.Security.SslApplicationProtocol.Http11],
        });
        var head = $"POST /identity HTTP/1.1\r\nHost: {gateway.Console.Authority}\r\n"
            + $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {1024 * 1024}\r\n\r\nname=";
        await tls.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var trickle = TrickleAsync(tls, timeout.Token);

        var answer = new byte[4096];
        var read = await tls.ReadAsync(answer, timeout.Token);
        var response = System.Text.Encoding.ASCII.GetString(answer, 0, read);
        await timeout.CancelAsync();
        await trickle;

        // The form read fails at once (413 inside), which antiforgery answers 400.
        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
    }

    private static async Task TrickleAsync(System.Net.Security.SslStream tls, CancellationToken ct)
    {
        var chunk = System.Text.Encoding.ASCII.GetBytes(new string('x', 1024));
        try
        {
            while (true)
            {
                await Task.Delay(200, ct);
                await tls.WriteAsync(chunk, ct);
                await tls.FlushAsync(ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or NotSupportedException)
        {
            // Stopped by the test, or the server closed the connection after answering.
        }
    }

    private static HttpClient Client(X509Certificate2? certificate)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // The server's certificate comes from the test CA; what is tested is the client side.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        if (certificate is not null)
            handler.ClientCertificates.Add(certificate);
        return new HttpClient(handler);
    }
}

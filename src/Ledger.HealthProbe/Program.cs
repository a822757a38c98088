using System.Security.Cryptography;
using Ledger.HealthProbe;

// Exit 0 when the gateway answers SERVING, 1 otherwise: what Docker's HEALTHCHECK expects.
var settings = ProbeSettings.Parse(args, out var error);
if (settings is null)
{
    Console.Error.WriteLine(error);
    return 2;
}
try
{
    var (serving, detail) = await GatewayHealthCheck.RunAsync(settings, CancellationToken.None);
    Console.WriteLine($"{settings.Address}: {detail}");
    return serving ? 0 : 1;
}
catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException or HttpRequestException)
{
    // The type and message name files or the connection, never key material.
    Console.WriteLine($"{settings.Address}: {e.GetType().Name}: {e.Message}");
    return 1;
}

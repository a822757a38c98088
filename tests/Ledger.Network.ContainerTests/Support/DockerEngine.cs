using System.Net.Sockets;

namespace Ledger.Network.ContainerTests.Support;

/// <summary>Whether a Docker engine answers here, asked the way Testcontainers will reach it (DOCKER_HOST, else the default socket).</summary>
public static class DockerEngine
{
    private static readonly Lazy<string?> Reason = new(Probe);

    /// <summary>Null when an engine answered its ping; otherwise why these tests cannot run.</summary>
    public static string? MissingReason => Reason.Value;

    private static string? Probe()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } configured ? configured : "unix:///var/run/docker.sock";
        if (!Uri.TryCreate(host, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("unix" or "tcp"))
            return $"No Docker engine: DOCKER_HOST '{host}' is neither unix:// nor tcp://.";
        var handler = new SocketsHttpHandler();
        if (endpoint.Scheme == "unix")
        {
            if (!File.Exists(endpoint.LocalPath))
                return $"No Docker engine answers here: {endpoint.LocalPath} does not exist (these tests need Docker; see README, \"Run a real network\").";
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint.LocalPath), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            };
        }
        var baseAddress = endpoint.Scheme == "unix" ? new Uri("http://docker/") : new Uri($"http://{endpoint.Authority}/");
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = client.GetAsync("_ping").GetAwaiter().GetResult();
            return response.IsSuccessStatusCode ? null : $"The Docker engine at {host} answered its ping with {(int)response.StatusCode}.";
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException or IOException)
        {
            return $"No Docker engine answers at {host}: {e.Message}";
        }
    }
}

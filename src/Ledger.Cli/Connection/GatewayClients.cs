using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;

namespace Ledger.Cli.Connection;

/// <summary>
/// The typed clients of one gateway over one channel, and the call options that carry the
/// caller's identity and deadline. Disposing closes the channel.
/// </summary>
public sealed class GatewayClients : IDisposable
{
    private readonly GrpcChannel _channel;

    /// <summary>Wraps an open channel.</summary>
    public GatewayClients(GrpcChannel channel, GatewaySettings settings)
    {
        _channel = channel;
        Settings = settings;
        Permits = new PermitService.PermitServiceClient(channel);
        Authorities = new AuthorityService.AuthorityServiceClient(channel);
        Documents = new DocumentService.DocumentServiceClient(channel);
    }

    /// <summary>Where and as whom the calls go.</summary>
    public GatewaySettings Settings { get; }

    /// <summary>PermitService of the gateway.</summary>
    public PermitService.PermitServiceClient Permits { get; }

    /// <summary>AuthorityService of the gateway.</summary>
    public AuthorityService.AuthorityServiceClient Authorities { get; }

    /// <summary>DocumentService of the gateway.</summary>
    public DocumentService.DocumentServiceClient Documents { get; }

    /// <summary>
    /// Options for one call: the deadline, and the devnet identity header when an identity
    /// is named (<paramref name="identity"/> overrides the configured one, as the demo acts
    /// as several officers).
    /// </summary>
    public CallOptions Call(CancellationToken cancellationToken, string? identity = null)
    {
        var name = identity ?? Settings.Identity;
        var headers = new Metadata();
        if (!string.IsNullOrEmpty(name))
            headers.Add(GatewaySettings.DevIdentityHeader, name);
        return new CallOptions(headers, DateTime.UtcNow + Settings.CallTimeout, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _channel.Dispose();
}

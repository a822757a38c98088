using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Core.Errors;
using Ledger.Core.Primitives;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Peers;

/// <summary>
/// Calls PeerDocumentService on another authority's gateway: mutual TLS 1.3, presenting this
/// gateway's peer certificate, and trusting the server only if the SHA-256 of its certificate
/// is the fingerprint its authority published on chain (hostname and CA ignored). It connects
/// only to addresses <see cref="PeerHostPolicy"/> allows (<see cref="PeerConnector"/>), directly,
/// never through a proxy. Answers are bounded by <see cref="PeerOptions.MaxDocumentBytes"/> and
/// the call by <see cref="PeerOptions.CallTimeout"/>.
/// </summary>
internal sealed class PeerDocumentClient(PeerCertificate certificate, IOptions<PeerOptions> options, PeerHostPolicy hosts)
{
    // Room for the response's other fields and protobuf framing around the document.
    private const int EnvelopeBytes = 64 * 1024;

    /// <summary>Asks the gateway at <paramref name="gateway"/>, pinned to <paramref name="published"/>.</summary>
    /// <exception cref="PeerLinkException">
    /// No answer came from the published gateway: its host is not allowed, it cannot be reached,
    /// or it presented another certificate. One answer for the officer, the cause for the audit.
    /// </exception>
    /// <exception cref="LedgerException">
    /// The published gateway (its certificate verified) refused or failed: see <see cref="Translate"/>.
    /// </exception>
    public async Task<GetPermitDocumentResponse> GetAsync(
        Uri gateway, Bytes32 published, GetPermitDocumentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var settings = options.Value;
        var url = gateway.GetLeftPart(UriPartial.Authority);
        var connector = new PeerConnector(hosts);
        Bytes32? presented = null;
        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = settings.CallTimeout,
            ConnectCallback = connector.ConnectAsync,
            // A proxy would be the address connected to, and the published host's never checked.
            UseProxy = false,
            // A peer answers; a redirect is no answer of the published gateway.
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = SslProtocols.Tls13,
                ClientCertificates = [certificate.Certificate],
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                // The pin is the whole trust decision: the platform's chain and name checks do not apply.
                RemoteCertificateValidationCallback = (_, serverCertificate, _, _) =>
                {
                    if (serverCertificate is null)
                        return false;
                    presented = CertificateFingerprint.Of(serverCertificate);
                    return presented == published;
                },
            },
        };
        using var channel = GrpcChannel.ForAddress(gateway, new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = settings.MaxDocumentBytes + EnvelopeBytes,
            MaxRetryAttempts = 0,
        });
        var client = new PeerDocumentService.PeerDocumentServiceClient(channel);
        try
        {
            return await client.GetPermitDocumentAsync(request,
                deadline: DateTime.UtcNow + settings.CallTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Only a server holding the published certificate's key gets past the pin: what it answers is the
            // issuer's own and says nothing about this gateway's network, so it keeps its meaning.
            if (presented == published)
                throw new LedgerException(Translate(url, e, settings.MaxDocumentBytes));
            throw LinkFailed(url, connector.Refusal, presented, published, e);
        }
    }

    /// <summary>The cause of a call that got no answer from the published gateway, with what the audit needs to tell.</summary>
    private static PeerLinkException LinkFailed(string url, string? refusal, Bytes32? presented, Bytes32 published, RpcException e)
    {
        if (refusal is not null)
            return new PeerLinkException(PeerLinkFailure.HostRefused, url, refusal);
        if (presented is { } other)
            return new PeerLinkException(PeerLinkFailure.UntrustedCertificate, url, PeerPinning.UntrustedServer(other, published));
        return new PeerLinkException(PeerLinkFailure.Unreachable, url, NetworkError(e));
    }

    // The status and the innermost network error (connection refused, name not resolved, timed out).
    private static string NetworkError(RpcException e)
    {
        var inner = e.Status.DebugException;
        while (inner?.InnerException is not null)
            inner = inner.InnerException;
        return inner is null ? $"{e.StatusCode}: {e.Status.Detail}" : $"{e.StatusCode}: {e.Status.Detail} ({inner.Message})";
    }

    /// <summary>
    /// The published gateway's answer (its certificate verified) in the calling officer's terms.
    /// Its refusals keep their codes, the answer too large is FAILED_PRECONDITION, a call it did not
    /// complete UNAVAILABLE.
    /// </summary>
    internal static LedgerError Translate(string url, RpcException e, int maxDocumentBytes) => e.StatusCode switch
    {
        StatusCode.PermissionDenied => LedgerError.PermissionDenied($"the issuer's gateway at {url} refused: {e.Status.Detail}"),
        StatusCode.InvalidArgument => LedgerError.InvalidArgument($"the issuer's gateway at {url} refused the request: {e.Status.Detail}"),
        // The issuer's rate limit (it sends Retry-After) is worth a retry; a document over our bound is not.
        StatusCode.ResourceExhausted when e.Trailers.Get("retry-after") is not null => LedgerError.Unavailable(
            $"the issuer's gateway at {url} is busy: {e.Status.Detail}"),
        StatusCode.ResourceExhausted => LedgerError.FailedPrecondition(
            $"the issuer's gateway at {url} answered more than {maxDocumentBytes} bytes of document; refused unread"),
        StatusCode.Unimplemented => LedgerError.FailedPrecondition(
            $"{url}, published on chain as the issuer's gateway, serves no peer document service; the issuer must publish its peer endpoint"),
        StatusCode.FailedPrecondition => LedgerError.FailedPrecondition($"the issuer's gateway at {url}: {e.Status.Detail}"),
        StatusCode.DataLoss => LedgerError.Unavailable($"the issuer's gateway at {url} cannot serve the document now: {e.Status.Detail}"),
        _ => LedgerError.Unavailable($"the issuer's gateway at {url} did not complete the call ({e.StatusCode}); retry later"),
    };
}

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
/// is the fingerprint its authority published on chain (hostname and CA ignored). Answers are
/// bounded by <see cref="PeerOptions.MaxDocumentBytes"/> and the call by
/// <see cref="PeerOptions.CallTimeout"/>. Failures become errors a client can act on.
/// </summary>
internal sealed class PeerDocumentClient(PeerCertificate certificate, IOptions<PeerOptions> options)
{
    // Room for the response's other fields and protobuf framing around the document.
    private const int EnvelopeBytes = 64 * 1024;

    /// <summary>Asks the gateway at <paramref name="gateway"/>, pinned to <paramref name="published"/>.</summary>
    /// <exception cref="LedgerException">
    /// FAILED_PRECONDITION when the server's certificate is not the published one or the answer is
    /// too large; UNAVAILABLE when it cannot be reached in time; PERMISSION_DENIED as it refused.
    /// </exception>
    public async Task<GetPermitDocumentResponse> GetAsync(
        Uri gateway, Bytes32 published, GetPermitDocumentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var settings = options.Value;
        var url = gateway.GetLeftPart(UriPartial.Authority);
        Bytes32? presented = null;
        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = settings.CallTimeout,
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
        catch (RpcException) when (presented is { } other && other != published)
        {
            throw new LedgerException(PeerPinning.UntrustedServer(url, other, published));
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LedgerException(Translate(url, e, settings.MaxDocumentBytes));
        }
    }

    /// <summary>The issuer gateway's answer in the calling officer's terms.</summary>
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
        _ => LedgerError.Unavailable($"the issuer's gateway at {url} cannot be reached ({e.StatusCode}); retry later"),
    };
}

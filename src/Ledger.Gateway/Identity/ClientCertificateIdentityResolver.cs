using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Ledger.Gateway.Tls;
using Microsoft.AspNetCore.Connections.Features;

namespace Ledger.Gateway.Identity;

/// <summary>
/// Production mode: the caller is whoever holds the TLS client certificate. The certificate
/// is validated against the trusted CAs (again: Kestrel already refused untrusted ones, but
/// this also yields the issuing CA for the mapping) and mapped through
/// <see cref="CertificateIdentityMap"/>. Headers are never consulted. The result is cached
/// on the connection, whose certificate cannot change.
/// </summary>
public sealed class ClientCertificateIdentityResolver(
    TrustedCertificateAuthorities trusted, CertificateIdentityMap map, TimeProvider time)
{
    private static readonly object ConnectionCacheKey = new();

    /// <summary>The identity of the client certificate on the request's connection.</summary>
    /// <exception cref="RpcException">UNAUTHENTICATED without a trusted certificate; PERMISSION_DENIED when it is not mapped.</exception>
    public CallerIdentity Resolve(HttpContext httpContext)
    {
        var certificate = httpContext.Connection.ClientCertificate
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated,
                "No client certificate was presented. Connect over mutual TLS with the certificate your authority's CA issued to you."));
        var items = httpContext.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items?.TryGetValue(ConnectionCacheKey, out var cached) == true
            && cached is CachedIdentity hit && hit.Certificate.Equals(certificate) && hit.MapVersion == map.Version
            && time.GetUtcNow() < hit.Certificate.NotAfter)
            return hit.Identity;
        var identity = Resolve(certificate);
        if (items is not null)
            items[ConnectionCacheKey] = new CachedIdentity(certificate, identity, map.Version);
        return identity;
    }

    /// <summary>The identity a client certificate maps to.</summary>
    /// <exception cref="RpcException">UNAUTHENTICATED when untrusted; PERMISSION_DENIED when not mapped.</exception>
    public CallerIdentity Resolve(X509Certificate2 certificate)
    {
        var validation = trusted.Validate(certificate);
        if (!validation.IsTrusted)
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"Client certificate '{certificate.Subject}' is not trusted by this gateway ({validation.Failure}). " +
                "Use a current certificate from your authority's CA; if it is current, ask the operator whether that CA is in Tls:TrustedCaFiles."));
        var issuer = validation.Issuer!;
        var mapping = map.Find(issuer, certificate)
            ?? throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"Client certificate '{certificate.Subject}' issued by '{issuer.Subject}' is trusted but not mapped to an authority. " +
                "Ask the gateway operator to add it under Identity:Clients."));
        return CallerIdentity.FromCertificate(
            mapping.Authority, mapping.Role!.Value, CertificateIdentityMap.Sha256Thumbprint(issuer), certificate.SubjectName.Name);
    }

    private sealed record CachedIdentity(X509Certificate2 Certificate, CallerIdentity Identity, int MapVersion);
}

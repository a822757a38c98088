using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Peers;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Hosting;

/// <summary>
/// Rate limiting (ASP.NET Core RateLimiting), token buckets in three layers:
/// <list type="bullet">
/// <item>per official (the authenticated caller: one certificate subject, or one Devnet name,
/// within its authority), so one official's runaway script cannot stop colleagues;</item>
/// <item>per authority, all its officials together, so one authority's burst cannot starve the
/// other authorities this gateway serves;</item>
/// <item>per peer gateway on the peer endpoint, keyed by the certificate it presents;</item>
/// <item>the peer endpoint as a whole, all callers together: a caller able to present many
/// certificates would otherwise get a bucket per certificate.</item>
/// </list>
/// Callers without an identity on the API listener (health, metrics, reflection) are not
/// limited: they never reach the ledger. A refused call gets RESOURCE_EXHAUSTED (HTTP 429 for
/// JSON clients) naming the limit it hit and when to retry.
/// </summary>
public static class CallerRateLimiting
{
    private const string OfficialLayer = "official";
    private const string AuthorityLayer = "authority";
    private const string PeerLayer = "peer";
    private const string PeerEndpointLayer = "peer-endpoint";

    /// <summary>Binds and validates <see cref="LimitsOptions"/> and registers the limiter.</summary>
    public static IServiceCollection AddLedgerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>());
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((limiter, limits) =>
        {
            var settings = limits.Value;
            limiter.GlobalLimiter = new LayeredRateLimiter(
            [
                // Officials first: a refused official takes nothing from the authority's shared bucket.
                new(OfficialLayer, Partitioned(context => context.User.FindCaller() is { } caller ? caller.OfficialKey : null,
                    settings.CallerRequestsPerSecond, settings.CallerBurst)),
                new(AuthorityLayer, Partitioned(context => context.User.FindCaller()?.AuthorityAddress, settings.RequestsPerSecond, settings.Burst)),
                // Each peer before the endpoint's ceiling: a refused peer takes nothing from the shared bucket.
                new(PeerLayer, Partitioned(PeerKey, settings.PeerRequestsPerSecond, settings.PeerBurst)),
                new(PeerEndpointLayer, Partitioned(context => IsPeerEndpoint(context) ? PeerEndpoint.ListenerName : null,
                    settings.PeerEndpointRequestsPerSecondInForce, settings.PeerEndpointBurstInForce)),
            ]);
            limiter.OnRejected = (rejected, _) => Reject(rejected, settings);
        });
        return services;
    }

    /// <summary>
    /// A peer's bucket is keyed by the SHA-256 of its client certificate: each authority publishes
    /// exactly one fingerprint on chain, so this is a bucket per peer authority, and it applies
    /// before the chain read that checks the pin, so a caller presenting an unpublished
    /// certificate is limited too.
    /// </summary>
    private static string? PeerKey(HttpContext context) =>
        !IsPeerEndpoint(context) ? null
        : context.Connection.ClientCertificate is { } certificate ? CertificateFingerprint.Text(CertificateFingerprint.Of(certificate))
        : "(no certificate)";

    private static bool IsPeerEndpoint(HttpContext context) => DedicatedListener.Of(context) == PeerEndpoint.ListenerName;

    /// <summary>
    /// A token bucket of <paramref name="burst"/> refilled by <paramref name="perSecond"/> per
    /// <paramref name="key"/>, refusing at once (no queue); a request whose key is null is not limited.
    /// </summary>
    internal static PartitionedRateLimiter<HttpContext> Partitioned(Func<HttpContext, string?> key, int perSecond, int burst)
    {
        // The layered limiter asks each layer twice per request (statistics, then the taking):
        // the key (claims lookup, string building, a certificate hash) is worked out once.
        var slot = new object();
        string? KeyOnce(HttpContext context)
        {
            if (context.Items.TryGetValue(slot, out var known))
                return (string?)known;
            var computed = key(context);
            context.Items[slot] = computed;
            return computed;
        }
        return PartitionedRateLimiter.Create<HttpContext, string>(context => KeyOnce(context) is { } partition
            ? RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));
    }

    private static ValueTask Reject(OnRejectedContext rejected, LimitsOptions settings)
    {
        var context = rejected.HttpContext;
        var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = seconds;
        var authority = context.User.FindCaller()?.AuthorityAddress ?? "-";
        var message = LayeredRateLimiter.RefusedLayer(context) switch
        {
            OfficialLayer =>
                $"Too many requests from this official of authority {authority}: each official may make {settings.CallerRequestsPerSecond} per second " +
                $"(bursts of {settings.CallerBurst}); the authority's other officials are not affected. Retry in {seconds} s; " +
                "for more, ask the operator to raise Limits:CallerRequestsPerSecond.",
            PeerLayer =>
                $"Too many requests from this gateway: the peer endpoint allows each peer gateway {settings.PeerRequestsPerSecond} per second " +
                $"(bursts of {settings.PeerBurst}). Retry in {seconds} s; for more, ask this gateway's operator to raise Limits:PeerRequestsPerSecond.",
            PeerEndpointLayer =>
                $"Too many requests on this gateway's peer endpoint: all peer gateways together may make {settings.PeerEndpointRequestsPerSecondInForce} per second " +
                $"(bursts of {settings.PeerEndpointBurstInForce}). Retry in {seconds} s; for more, ask this gateway's operator to raise Limits:PeerEndpointRequestsPerSecond.",
            _ =>
                $"Too many requests for authority {authority}: the gateway allows its officials together {settings.RequestsPerSecond} per second " +
                $"(bursts of {settings.Burst}). Retry in {seconds} s; for more, ask the operator to raise Limits:RequestsPerSecond.",
        };
        return new ValueTask(GrpcErrorResponse.WriteAsync(context, StatusCode.ResourceExhausted, message));
    }
}

using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;
using Ledger.Gateway.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Hosting;

/// <summary>
/// Per-authority rate limiting (ASP.NET Core RateLimiting): one token bucket per
/// authenticated authority, so one authority's burst cannot starve the others. Callers
/// without an identity (health, metrics, reflection) are not limited: they never reach the
/// ledger. A refused call gets RESOURCE_EXHAUSTED (HTTP 429 for JSON clients) saying when to retry.
/// </summary>
public static class CallerRateLimiting
{
    /// <summary>Binds and validates <see cref="LimitsOptions"/> and registers the limiter.</summary>
    public static IServiceCollection AddLedgerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>());
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((limiter, limits) =>
        {
            var settings = limits.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.FindCaller() is { } caller
                    ? RateLimitPartition.GetTokenBucketLimiter(caller.AuthorityAddress, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = settings.Burst,
                        TokensPerPeriod = settings.RequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = (rejected, _) => Reject(rejected, settings);
        });
        return services;
    }

    private static ValueTask Reject(OnRejectedContext rejected, LimitsOptions settings)
    {
        var context = rejected.HttpContext;
        var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = seconds;
        var authority = context.User.FindCaller()?.AuthorityAddress ?? "-";
        return new ValueTask(GrpcErrorResponse.WriteAsync(context, StatusCode.ResourceExhausted,
            $"Too many requests for authority {authority}: the gateway allows {settings.RequestsPerSecond} per second " +
            $"(bursts of {settings.Burst}). Retry in {seconds} s; for more, ask the operator to raise Limits:RequestsPerSecond."));
    }
}

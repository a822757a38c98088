using System.Globalization;
using System.Threading.RateLimiting;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.WebConsole;

/// <summary>
/// A Production console accepts TLS connections without a client certificate (its public page
/// needs none), and the gateway's rate limits are per official and per authority, so such
/// callers had no limit but the public page's, and could send bodies up to the API's size limit.
/// Before authorization (which refuses them most pages) each client address without an identity
/// gets a token bucket (<see cref="LimitsOptions.AnonymousConsoleRequestsPerSecond"/>) and a
/// small body limit (<see cref="LimitsOptions.AnonymousConsoleMaxRequestBytes"/>). Devnet
/// consoles are loopback only, where every browser shares one address: they are not limited.
/// </summary>
internal sealed class AnonymousConsoleLimits : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _perAddress;
    private readonly LimitsOptions _limits;

    /// <summary>The limiter, sized by the <c>Limits</c> section at startup.</summary>
    public AnonymousConsoleLimits(IOptions<LimitsOptions> limits)
    {
        _limits = limits.Value;
        _perAddress = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "(unknown)", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = _limits.AnonymousConsoleBurst,
                TokensPerPeriod = _limits.AnonymousConsoleRequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Adds the limits to the pipeline of a Production gateway with a console; call after authentication, before authorization.</summary>
    public static void Use(WebApplication app)
    {
        if (!ConsoleHostingExtensions.HasConsoleSection(app.Configuration)
            || app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Mode != GatewayMode.Production)
            return;
        var limits = app.Services.GetRequiredService<AnonymousConsoleLimits>();
        app.Use(limits.InvokeAsync);
    }

    private async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (DedicatedListener.Of(context) != ConsoleListener.ListenerName || context.User.FindCaller() is not null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            body.MaxRequestBodySize = _limits.AnonymousConsoleMaxRequestBytes;
        using var lease = _perAddress.AttemptAcquire(context);
        if (!lease.IsAcquired)
        {
            var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
            var response = context.Response;
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("Too many requests from your address without a client certificate. Try again in a moment.").ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _perAddress.Dispose();
}

using System.Globalization;
using System.Threading.RateLimiting;
using Ledger.Console.Hosting;
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
/// gets a token bucket (<see cref="LimitsOptions.AnonymousConsoleRequestsPerSecond"/>; an IPv6
/// client by its /64, see <see cref="ClientAddressKey"/>), all of them together one more
/// (<see cref="LimitsOptions.AnonymousConsoleTotalRequestsPerSecondInForce"/>: addresses are cheap to
/// come by), and a small body limit (<see cref="LimitsOptions.AnonymousConsoleMaxRequestBytes"/>).
/// Officers are counted against neither. Devnet consoles are loopback only, where every browser
/// shares one address: they are not limited.
/// </summary>
internal sealed class AnonymousConsoleLimits : IDisposable
{
    /// <summary>The layer that limits one client address (one IPv6 /64).</summary>
    public const string AddressLayer = "address";

    /// <summary>The layer that limits all callers without an identity together.</summary>
    public const string AllAnonymousLayer = "all-anonymous";

    private readonly LayeredRateLimiter _limiter;
    private readonly LimitsOptions _limits;

    /// <summary>The limiter, sized by the <c>Limits</c> section at startup.</summary>
    public AnonymousConsoleLimits(IOptions<LimitsOptions> limits)
    {
        _limits = limits.Value;
        _limiter = new LayeredRateLimiter(
        [
            // The address first: a client refused by its own bucket takes nothing from everyone's.
            new(AddressLayer, CallerRateLimiting.Partitioned(context => ClientAddressKey.Of(context.Connection.RemoteIpAddress),
                _limits.AnonymousConsoleRequestsPerSecond, _limits.AnonymousConsoleBurst)),
            new(AllAnonymousLayer, CallerRateLimiting.Partitioned(_ => AllAnonymousLayer,
                _limits.AnonymousConsoleTotalRequestsPerSecondInForce, _limits.AnonymousConsoleTotalBurstInForce)),
        ]);
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

    /// <summary>
    /// Takes a request of a caller without an identity from both layers; when refused,
    /// <see cref="LayeredRateLimiter.RefusedLayer"/> names <see cref="AddressLayer"/> or <see cref="AllAnonymousLayer"/>.
    /// </summary>
    public RateLimitLease Admit(HttpContext context) => _limiter.AttemptAcquire(context);

    private async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (DedicatedListener.Of(context) != ConsoleListener.ListenerName || context.User.FindCaller() is not null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            body.MaxRequestBodySize = _limits.AnonymousConsoleMaxRequestBytes;
        using var lease = Admit(context);
        if (!lease.IsAcquired)
        {
            var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
            var response = context.Response;
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(LayeredRateLimiter.RefusedLayer(context) == AllAnonymousLayer
                ? "Too many requests to this console from callers without a client certificate. Try again in a moment."
                : "Too many requests from your address without a client certificate. Try again in a moment.").ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ledger.Console.Hosting;

/// <summary>
/// The public verification page needs no login, so it is limited per client address (a fixed
/// window of <see cref="ConsoleOptions.PublicRequestsPerMinute"/>; an IPv6 client by its /64, see
/// <see cref="ClientAddressKey"/>): enough for anyone holding a paper copy, too little to enumerate
/// permit numbers. What many addresses together may ask of a Production console is bounded by the
/// gateway's limit on all callers without an identity.
/// </summary>
internal sealed class PublicVerificationRateLimit(IOptions<ConsoleOptions> options) : IRateLimiterPolicy<string>
{
    /// <inheritdoc />
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, ct) =>
    {
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "60";
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync("Too many verification requests from your address. Try again in a minute.", ct).ConfigureAwait(false);
    };

    /// <inheritdoc />
    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var client = ClientAddressKey.Of(httpContext.Connection.RemoteIpAddress);
        var perMinute = Math.Max(1, options.Value.PublicRequestsPerMinute);
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}

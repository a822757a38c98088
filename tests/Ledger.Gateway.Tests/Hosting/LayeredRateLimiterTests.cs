using System.Threading.RateLimiting;
using Ledger.Gateway.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ledger.Gateway.Tests.Hosting;

/// <summary>The layered limiter: every layer must admit; the first refusal is named and takes nothing from the layers after it.</summary>
public sealed class LayeredRateLimiterTests
{
    // Two "officials" (header x-who) of one "authority": 2 tokens each, 3 for the authority, no refill during the test.
    private static LayeredRateLimiter Limiter() => new(
    [
        new("official", Buckets(context => context.Request.Headers["x-who"].ToString(), tokens: 2)),
        new("authority", Buckets(_ => "authority", tokens: 3)),
    ]);

    private static PartitionedRateLimiter<HttpContext> Buckets(Func<HttpContext, string> key, int tokens) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(key(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromHours(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        }));

    private static HttpContext Request(string who)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["x-who"] = who;
        return context;
    }

    [Fact]
    public void An_official_refused_by_their_own_limit_leaves_the_authoritys_allowance_to_a_colleague()
    {
        using var limiter = Limiter();
        var outcomes = new List<(string Who, bool Admitted, string? Refused)>();
        foreach (var who in new[] { "a", "a", "a", "a", "a", "b", "b" })
        {
            var context = Request(who);
            using var lease = limiter.AttemptAcquire(context);
            outcomes.Add((who, lease.IsAcquired, LayeredRateLimiter.RefusedLayer(context)));
        }

        Assert.Equal(
        [
            ("a", true, null), ("a", true, null), ("a", false, "official"), ("a", false, "official"), ("a", false, "official"),
            ("b", true, null), ("b", false, "authority"),
        ], outcomes);
    }

    [Fact]
    public async Task The_async_path_names_the_refusing_layer_too()
    {
        using var limiter = Limiter();
        for (var i = 0; i < 2; i++)
        {
            using var admitted = await limiter.AcquireAsync(Request("a"));
            Assert.True(admitted.IsAcquired);
        }

        var context = Request("a");
        using var refused = await limiter.AcquireAsync(context);

        Assert.False(refused.IsAcquired);
        Assert.Equal("official", LayeredRateLimiter.RefusedLayer(context));
    }
}

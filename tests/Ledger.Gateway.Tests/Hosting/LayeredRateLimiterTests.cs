using System.Threading.RateLimiting;
using Ledger.Gateway.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ledger.Gateway.Tests.Hosting;

/// <summary>The layered limiter: every layer must admit; the first refusal is named and takes nothing from the layers after it.</summary>
public sealed class LayeredRateLimiterTests
{
    // Two "officials" (header x-who) of one "authority": 2 tokens each, 3 for the authority, no refill
    // during the test; and a layer that limits nobody, as the peer layer is for officials' requests.
    private static LayeredRateLimiter Limiter() => new(
    [
        new("official", Buckets(context => context.Request.Headers["x-who"].ToString(), tokens: 2)),
        new("authority", Buckets(_ => "authority", tokens: 3)),
        new("nobody", PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetNoLimiter(""))),
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

    [Fact]
    public async Task A_refusal_asked_again_asynchronously_as_the_middleware_does_takes_nothing_from_the_official()
    {
        var officials = Buckets(context => context.Request.Headers["x-who"].ToString(), tokens: 2);
        using var limiter = new LayeredRateLimiter([new("official", officials), new("authority", Buckets(_ => "authority", tokens: 3))]);
        foreach (var who in new[] { "a", "a", "b" })
            limiter.AttemptAcquire(Request(who)).Dispose(); // the authority's 3 tokens are gone; b has 1 left

        var refused = Request("b");
        using var first = limiter.AttemptAcquire(refused);
        using var again = await limiter.AcquireAsync(refused);

        Assert.False(first.IsAcquired);
        Assert.False(again.IsAcquired);
        Assert.Equal("authority", LayeredRateLimiter.RefusedLayer(refused));
        Assert.Equal(1, officials.GetStatistics(Request("b"))!.CurrentAvailablePermits);
    }

    [Fact]
    public void A_refused_request_carries_the_refusing_layers_retry_after()
    {
        var limiter = new LayeredRateLimiter([new("official", PartitionedRateLimiter.Create<HttpContext, string>(_ =>
            RateLimitPartition.GetTokenBucketLimiter("one", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(7), QueueLimit = 0, AutoReplenishment = false,
            })))]);
        using var _ = limiter;
        limiter.AttemptAcquire(Request("a")).Dispose();

        using var refused = limiter.AttemptAcquire(Request("a"));

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(7), retryAfter);
    }
}

using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Stores;

public sealed class InMemoryVerificationCacheTests : VerificationCacheContract
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));

    protected override IVerificationCache CreateCache() => new InMemoryVerificationCache(_time, TestOptions.Stores());

    protected override async Task AwaitExpiryAsync(TimeSpan timeToLive, Func<Task<bool>> expired)
    {
        _time.Advance(timeToLive);
        Assert.True(await expired());
    }

    [StoreFact]
    public async Task A_held_value_is_decoded_once_and_shared_by_every_hit_until_it_is_replaced()
    {
        var cache = new InMemoryVerificationCache(_time, TestOptions.Stores());
        var key = NewPermitKey();
        var decodes = 0;
        string Decode(byte[] bytes) => $"{Interlocked.Increment(ref decodes)}:{Convert.ToHexStringLower(bytes)}";
        await cache.SetAsync(key, new byte[] { 1 }, 1, TimeSpan.FromMinutes(1));

        var first = await cache.GetDecodedAsync(key, Decode);
        var second = await cache.GetDecodedAsync(key, Decode);
        await cache.SetAsync(key, new byte[] { 2 }, 2, TimeSpan.FromMinutes(1));
        var afterReplace = await cache.GetDecodedAsync(key, Decode);

        Assert.Same(first, second);
        Assert.Equal("1:01", first);
        Assert.Equal("2:02", afterReplace);
    }

    [StoreFact]
    public async Task A_full_cache_makes_room_from_expired_entries_and_otherwise_skips_new_values()
    {
        var cache = new InMemoryVerificationCache(_time, TestOptions.Stores(o => o.InMemoryCacheCapacity = 2));
        var keys = Enumerable.Range(1, 4).Select(i => "0x" + i.ToString("x64")).ToArray();
        await cache.SetAsync(keys[0], new byte[] { 0 }, 1, TimeSpan.FromSeconds(5));
        await cache.SetAsync(keys[1], new byte[] { 1 }, 1, TimeSpan.FromMinutes(5));

        await cache.SetAsync(keys[2], new byte[] { 2 }, 1, TimeSpan.FromMinutes(5));
        var skipped = await cache.GetAsync(keys[2]);
        _time.Advance(TimeSpan.FromSeconds(5));
        await cache.SetAsync(keys[3], new byte[] { 3 }, 1, TimeSpan.FromMinutes(5));

        Assert.Null(skipped);
        Assert.Equal(new byte[] { 3 }, await cache.GetAsync(keys[3]));
        Assert.Equal(new byte[] { 1 }, await cache.GetAsync(keys[1]));
    }

    [StoreFact]
    public async Task A_change_marker_refuses_stale_answers_beyond_the_longest_cached_verification_and_then_expires()
    {
        var cache = new InMemoryVerificationCache(_time, TestOptions.Stores());
        var key = NewPermitKey();
        await cache.InvalidateAsync(key, 12);

        _time.Advance(Ledger.Gateway.Application.VerifyPermitHandler.MaxCacheAge + TimeSpan.FromSeconds(20));
        await cache.SetAsync(key, new byte[] { 1 }, 11, TimeSpan.FromSeconds(30));
        var stillRefused = await cache.GetAsync(key);
        _time.Advance(IVerificationCache.ChangeMarkerLifetime);
        await cache.SetAsync(key, new byte[] { 2 }, 11, TimeSpan.FromSeconds(30));

        Assert.Null(stillRefused);
        Assert.Equal(new byte[] { 2 }, await cache.GetAsync(key));
    }

    [StoreFact]
    public async Task A_live_change_marker_survives_the_sweep_of_many_expired_ones()
    {
        var cache = new InMemoryVerificationCache(_time, TestOptions.Stores(o => o.InMemoryCacheCapacity = 4));
        var old = Enumerable.Range(0, 20).Select(_ => NewPermitKey()).ToArray();
        foreach (var key in old)
            await cache.InvalidateAsync(key, 5);
        var live = NewPermitKey();
        await cache.InvalidateAsync(live, 5);
        _time.Advance(IVerificationCache.ChangeMarkerLifetime - TimeSpan.FromSeconds(1));
        await cache.InvalidateAsync(live, 5);
        _time.Advance(TimeSpan.FromSeconds(2));
        foreach (var key in Enumerable.Range(0, 40).Select(_ => NewPermitKey()))
            await cache.InvalidateAsync(key, 5);

        await cache.SetAsync(live, new byte[] { 1 }, 4, TimeSpan.FromSeconds(30));
        await cache.SetAsync(old[0], new byte[] { 2 }, 4, TimeSpan.FromSeconds(30));

        Assert.Null(await cache.GetAsync(live));
        Assert.Equal(new byte[] { 2 }, await cache.GetAsync(old[0]));
    }
}

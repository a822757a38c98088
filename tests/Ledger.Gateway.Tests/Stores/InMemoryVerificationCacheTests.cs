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
    public async Task A_full_cache_makes_room_from_expired_entries_and_otherwise_skips_new_values()
    {
        var cache = new InMemoryVerificationCache(_time, TestOptions.Stores(o => o.InMemoryCacheCapacity = 2));
        var keys = Enumerable.Range(1, 4).Select(i => "0x" + i.ToString("x64")).ToArray();
        await cache.SetAsync(keys[0], new byte[] { 0 }, TimeSpan.FromSeconds(5));
        await cache.SetAsync(keys[1], new byte[] { 1 }, TimeSpan.FromMinutes(5));

        await cache.SetAsync(keys[2], new byte[] { 2 }, TimeSpan.FromMinutes(5));
        var skipped = await cache.GetAsync(keys[2]);
        _time.Advance(TimeSpan.FromSeconds(5));
        await cache.SetAsync(keys[3], new byte[] { 3 }, TimeSpan.FromMinutes(5));

        Assert.Null(skipped);
        Assert.Equal(new byte[] { 3 }, await cache.GetAsync(keys[3]));
        Assert.Equal(new byte[] { 1 }, await cache.GetAsync(keys[1]));
    }
}

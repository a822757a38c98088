using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;

namespace Ledger.Gateway.Tests.Stores;

/// <summary>What every <see cref="IVerificationCache"/> must do; run against each implementation.</summary>
public abstract class VerificationCacheContract
{
    /// <summary>A fresh, empty cache.</summary>
    protected abstract IVerificationCache CreateCache();

    /// <summary>Lets <paramref name="timeToLive"/> pass for the cache, then returns once <paramref name="expired"/> holds.</summary>
    protected abstract Task AwaitExpiryAsync(TimeSpan timeToLive, Func<Task<bool>> expired);

    private static string NewPermitKey() => "0x" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    [StoreFact]
    public async Task An_unknown_key_is_a_miss()
    {
        Assert.Null(await CreateCache().GetAsync(NewPermitKey()));
    }

    [StoreFact]
    public async Task A_set_value_is_returned_byte_for_byte_under_any_letter_case_of_the_key()
    {
        var cache = CreateCache();
        var key = NewPermitKey();
        var value = new byte[] { 0x00, 0x0a, 0xff, 0x80 };

        await cache.SetAsync(key.ToUpperInvariant().Replace("0X", "0x"), value, TimeSpan.FromMinutes(1));

        Assert.Equal(value, await cache.GetAsync(key));
    }

    [StoreFact]
    public async Task Invalidate_drops_the_value_and_leaves_other_keys()
    {
        var cache = CreateCache();
        var (changed, other) = (NewPermitKey(), NewPermitKey());
        await cache.SetAsync(changed, new byte[] { 1 }, TimeSpan.FromMinutes(1));
        await cache.SetAsync(other, new byte[] { 2 }, TimeSpan.FromMinutes(1));

        await cache.InvalidateAsync(changed);

        Assert.Null(await cache.GetAsync(changed));
        Assert.Equal(new byte[] { 2 }, await cache.GetAsync(other));
    }

    [StoreFact]
    public async Task InvalidateMany_drops_every_listed_value_in_any_letter_case_and_leaves_other_keys()
    {
        var cache = CreateCache();
        var changed = Enumerable.Range(0, 3).Select(_ => NewPermitKey()).ToList();
        var other = NewPermitKey();
        foreach (var key in changed.Append(other))
            await cache.SetAsync(key, new byte[] { 7 }, TimeSpan.FromMinutes(1));

        await cache.InvalidateManyAsync([changed[0], changed[1].ToUpperInvariant().Replace("0X", "0x"), changed[2]]);
        await cache.InvalidateManyAsync([]);

        foreach (var key in changed)
            Assert.Null(await cache.GetAsync(key));
        Assert.Equal(new byte[] { 7 }, await cache.GetAsync(other));
    }

    [StoreFact]
    public async Task A_value_expires_after_its_time_to_live()
    {
        var cache = CreateCache();
        var key = NewPermitKey();
        var ttl = TimeSpan.FromMilliseconds(300);
        await cache.SetAsync(key, new byte[] { 1 }, ttl);
        Assert.NotNull(await cache.GetAsync(key));

        await AwaitExpiryAsync(ttl, async () => await cache.GetAsync(key) is null);
    }

    [StoreFact]
    public async Task Malformed_keys_oversized_values_and_non_positive_lifetimes_are_rejected()
    {
        var cache = CreateCache();

        await Assert.ThrowsAsync<ArgumentException>(() => cache.GetAsync("CH/2026/000123"));
        await Assert.ThrowsAsync<ArgumentException>(() => cache.GetAsync("0x" + new string('g', 64)));
        await Assert.ThrowsAsync<ArgumentException>(() => cache.SetAsync(NewPermitKey(), new byte[IVerificationCache.MaxValueBytes + 1], TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cache.SetAsync(NewPermitKey(), new byte[1], TimeSpan.Zero));
    }
}

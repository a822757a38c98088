using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;

namespace Ledger.Gateway.Tests.Stores;

/// <summary>What every <see cref="IVerificationCache"/> must do; run against each implementation.</summary>
public abstract class VerificationCacheContract
{
    /// <summary>A fresh, empty cache.</summary>
    protected abstract IVerificationCache CreateCache();

    /// <summary>A cache ready to be tested: by default the new one; a cache that starts something in the background first (a subscription) waits for it.</summary>
    protected virtual Task<IVerificationCache> CreateReadyCacheAsync() => Task.FromResult(CreateCache());

    /// <summary>Lets <paramref name="timeToLive"/> pass for the cache, then returns once <paramref name="expired"/> holds.</summary>
    protected abstract Task AwaitExpiryAsync(TimeSpan timeToLive, Func<Task<bool>> expired);

    protected static string NewPermitKey() => "0x" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    [StoreFact]
    public async Task An_unknown_key_is_a_miss()
    {
        Assert.Null(await (await CreateReadyCacheAsync()).GetAsync(NewPermitKey()));
    }

    [StoreFact]
    public async Task A_set_value_is_returned_byte_for_byte_under_any_letter_case_of_the_key()
    {
        var cache = await CreateReadyCacheAsync();
        var key = NewPermitKey();
        var value = new byte[] { 0x00, 0x0a, 0xff, 0x80 };

        await cache.SetAsync(key.ToUpperInvariant().Replace("0X", "0x"), value, 1, TimeSpan.FromMinutes(1));

        Assert.Equal(value, await cache.GetAsync(key));
    }

    [StoreFact]
    public async Task A_decoded_read_decodes_the_held_value_and_misses_like_a_plain_read_after_a_change()
    {
        var cache = await CreateReadyCacheAsync();
        var key = NewPermitKey();
        static string Decode(byte[] bytes) => Convert.ToHexStringLower(bytes);
        var missed = await cache.GetDecodedAsync(key, Decode);

        await cache.SetAsync(key, new byte[] { 0x01, 0xab }, 1, TimeSpan.FromMinutes(1));
        var first = await cache.GetDecodedAsync(key, Decode);
        var again = await cache.GetDecodedAsync(key, Decode);
        await cache.InvalidateAsync(key, 2);
        var afterChange = await cache.GetDecodedAsync(key, Decode);
        await cache.SetAsync(key, new byte[] { 0x02 }, 2, TimeSpan.FromMinutes(1));

        Assert.Null(missed);
        Assert.Equal("01ab", first);
        Assert.Equal("01ab", again);
        Assert.Null(afterChange);
        Assert.Equal("02", await cache.GetDecodedAsync(key, Decode));
    }

    [StoreFact]
    public async Task Invalidate_drops_the_value_and_leaves_other_keys()
    {
        var cache = await CreateReadyCacheAsync();
        var (changed, other) = (NewPermitKey(), NewPermitKey());
        await cache.SetAsync(changed, new byte[] { 1 }, 1, TimeSpan.FromMinutes(1));
        await cache.SetAsync(other, new byte[] { 2 }, 1, TimeSpan.FromMinutes(1));

        await cache.InvalidateAsync(changed, 2);

        Assert.Null(await cache.GetAsync(changed));
        Assert.Equal(new byte[] { 2 }, await cache.GetAsync(other));
    }

    [StoreFact]
    public async Task InvalidateMany_drops_every_listed_value_in_any_letter_case_and_leaves_other_keys()
    {
        var cache = await CreateReadyCacheAsync();
        var changed = Enumerable.Range(0, 3).Select(_ => NewPermitKey()).ToList();
        var other = NewPermitKey();
        foreach (var key in changed.Append(other))
            await cache.SetAsync(key, new byte[] { 7 }, 1, TimeSpan.FromMinutes(1));

        await cache.InvalidateManyAsync([new(changed[0], 2), new(changed[1].ToUpperInvariant().Replace("0X", "0x"), 2), new(changed[2], 2)]);
        await cache.InvalidateManyAsync([]);

        foreach (var key in changed)
            Assert.Null(await cache.GetAsync(key));
        Assert.Equal(new byte[] { 7 }, await cache.GetAsync(other));
    }

    [StoreFact]
    public async Task A_value_expires_after_its_time_to_live()
    {
        var cache = await CreateReadyCacheAsync();
        var key = NewPermitKey();
        var ttl = TimeSpan.FromMilliseconds(300);
        await cache.SetAsync(key, new byte[] { 1 }, 1, ttl);
        Assert.NotNull(await cache.GetAsync(key));

        await AwaitExpiryAsync(ttl, async () => await cache.GetAsync(key) is null);
    }

    [StoreFact]
    public async Task Malformed_keys_oversized_values_and_non_positive_lifetimes_are_rejected()
    {
        var cache = await CreateReadyCacheAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => cache.GetAsync("CH/2026/000123"));
        await Assert.ThrowsAsync<ArgumentException>(() => cache.GetAsync("0x" + new string('g', 64)));
        await Assert.ThrowsAsync<ArgumentException>(() => cache.SetAsync(NewPermitKey(), new byte[IVerificationCache.MaxValueBytes + 1], 1, TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cache.SetAsync(NewPermitKey(), new byte[1], 1, TimeSpan.Zero));
    }

    [StoreFact]
    public async Task An_answer_read_before_a_change_whose_invalidation_came_first_is_refused_and_one_read_at_or_after_it_is_stored()
    {
        var cache = await CreateReadyCacheAsync();
        var key = NewPermitKey();
        // Read VALID at block 10; the permit is cancelled at block 12 and that invalidation lands first.
        await cache.InvalidateAsync(key, 12);

        await cache.SetAsync(key, new byte[] { 0x10 }, 10, TimeSpan.FromSeconds(30));
        var afterStaleSet = await cache.GetAsync(key);
        await cache.SetAsync(key, new byte[] { 0x11 }, 11, TimeSpan.FromSeconds(30));
        var afterBlock11 = await cache.GetAsync(key);
        await cache.SetAsync(key, new byte[] { 0x12 }, 12, TimeSpan.FromSeconds(30));
        var atTheChange = await cache.GetAsync(key);
        var readLater = NewPermitKey();
        await cache.InvalidateAsync(readLater, 12);
        await cache.SetAsync(readLater, new byte[] { 0x13 }, 13, TimeSpan.FromSeconds(30));

        Assert.Null(afterStaleSet);
        Assert.Null(afterBlock11);
        Assert.Equal(new byte[] { 0x12 }, atTheChange);
        Assert.Equal(new byte[] { 0x13 }, await cache.GetAsync(readLater));
    }

    [StoreFact]
    public async Task A_value_cached_before_an_invalidation_is_dropped_whatever_its_block()
    {
        var cache = await CreateReadyCacheAsync();
        var key = NewPermitKey();
        await cache.SetAsync(key, new byte[] { 1 }, 20, TimeSpan.FromSeconds(30));

        await cache.InvalidateAsync(key, 15);

        Assert.Null(await cache.GetAsync(key));
    }

    [StoreFact]
    public async Task The_change_marker_only_rises()
    {
        var cache = await CreateReadyCacheAsync();
        var key = NewPermitKey();

        await cache.InvalidateAsync(key, 9);
        await cache.InvalidateAsync(key, 7);
        await cache.InvalidateManyAsync([new(key, 5)]);
        await cache.SetAsync(key, new byte[] { 8 }, 8, TimeSpan.FromSeconds(30));
        var readAt8 = await cache.GetAsync(key);
        await cache.SetAsync(key, new byte[] { 9 }, 9, TimeSpan.FromSeconds(30));

        Assert.Null(readAt8);
        Assert.Equal(new byte[] { 9 }, await cache.GetAsync(key));
    }

    [StoreFact]
    public async Task A_batch_invalidation_marks_every_permit_at_its_own_block_and_a_repeated_key_at_its_highest()
    {
        var cache = await CreateReadyCacheAsync();
        var keys = Enumerable.Range(0, 300).Select(_ => NewPermitKey()).ToArray();
        var changes = keys.Select((key, i) => new PermitChange(key, 100 + (ulong)i)).ToList();
        changes.Add(new PermitChange(keys[0].ToUpperInvariant().Replace("0X", "0x"), 1_000));
        changes.Add(new PermitChange(keys[1], 50));

        await cache.InvalidateManyAsync(changes);

        var blocks = keys.Select((_, i) => 100 + (ulong)i).ToArray();
        blocks[0] = 1_000;
        for (var i = 0; i < keys.Length; i++)
        {
            await cache.SetAsync(keys[i], new byte[] { 1 }, blocks[i] - 1, TimeSpan.FromSeconds(30));
            Assert.True(await cache.GetAsync(keys[i]) is null, $"key {i}: an answer read one block before its change is refused");
            await cache.SetAsync(keys[i], new byte[] { 2 }, blocks[i], TimeSpan.FromSeconds(30));
            Assert.Equal(new byte[] { 2 }, await cache.GetAsync(keys[i]));
        }
    }

    [StoreFact]
    public async Task A_marker_of_one_permit_does_not_refuse_another()
    {
        var cache = await CreateReadyCacheAsync();
        var (changed, other) = (NewPermitKey(), NewPermitKey());

        await cache.InvalidateAsync(changed, 50);
        await cache.SetAsync(other, new byte[] { 3 }, 1, TimeSpan.FromSeconds(30));

        Assert.Equal(new byte[] { 3 }, await cache.GetAsync(other));
    }

    [StoreFact]
    public async Task Blocks_beyond_what_a_script_compares_exactly_are_rejected()
    {
        var cache = await CreateReadyCacheAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cache.SetAsync(NewPermitKey(), new byte[1], IVerificationCache.MaxBlock + 1, TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cache.InvalidateAsync(NewPermitKey(), IVerificationCache.MaxBlock + 1));
    }
}

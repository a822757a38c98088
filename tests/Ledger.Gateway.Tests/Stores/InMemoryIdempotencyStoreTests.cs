using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Stores;

public sealed class InMemoryIdempotencyStoreTests : IdempotencyStoreContract
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));

    protected override IIdempotencyStore CreateStore(TimeSpan inProgressLease, TimeSpan retention) =>
        new InMemoryIdempotencyStore(_time, TestOptions.Stores(o =>
        {
            o.IdempotencyInProgressLease = inProgressLease;
            o.IdempotencyRetention = retention;
        }));

    protected override async Task AwaitExpiryAsync(TimeSpan timeToLive, Func<Task<bool>> expired)
    {
        _time.Advance(timeToLive + TimeSpan.FromMilliseconds(1));
        Assert.True(await expired());
    }

    [StoreFact]
    public async Task A_full_store_refuses_new_requests_until_records_expire()
    {
        var store = new InMemoryIdempotencyStore(_time, TestOptions.Stores(o =>
        {
            o.InMemoryIdempotencyCapacity = 2;
            o.IdempotencyInProgressLease = TimeSpan.FromMinutes(1);
        }));
        await store.TryBeginAsync(IdempotencyKey.Create(Authority, "request-1"), new byte[] { 1 });
        await store.TryBeginAsync(IdempotencyKey.Create(Authority, "request-2"), new byte[] { 1 });

        var full = await Assert.ThrowsAsync<StoreCapacityExceededException>(() =>
            store.TryBeginAsync(IdempotencyKey.Create(Authority, "request-3"), new byte[] { 1 }));
        _time.Advance(TimeSpan.FromMinutes(1));
        var afterExpiry = await store.TryBeginAsync(IdempotencyKey.Create(Authority, "request-3"), new byte[] { 1 });

        Assert.Contains("InMemoryIdempotencyCapacity", full.Message);
        Assert.Equal(IdempotencyState.New, afterExpiry.State);
    }
}

using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;

namespace Ledger.Gateway.Tests.Stores;

/// <summary>What every <see cref="ICheckpointStore"/> must do; run against each implementation.</summary>
public abstract class CheckpointStoreContract
{
    /// <summary>
    /// A store over the test's backing storage: calling it twice gives two instances over the
    /// SAME storage, as a restarted gateway would have.
    /// </summary>
    protected abstract ICheckpointStore OpenStore();

    private static string Hash(int seed) => "0x" + seed.ToString("x64");

    [StoreFact]
    public async Task A_follower_without_a_checkpoint_loads_null()
    {
        Assert.Null(await OpenStore().LoadAsync("permit-events"));
    }

    [StoreFact]
    public async Task A_saved_checkpoint_survives_a_restart()
    {
        await OpenStore().SaveAsync("permit-events", new BlockCheckpoint(1_234_567, Hash(7).ToUpperInvariant().Replace("0X", "0x")));

        var loaded = await OpenStore().LoadAsync("permit-events");

        Assert.Equal(new BlockCheckpoint(1_234_567, Hash(7)), loaded);
    }

    [StoreFact]
    public async Task Saving_replaces_the_previous_checkpoint_and_followers_are_independent()
    {
        var store = OpenStore();
        await store.SaveAsync("permits", new BlockCheckpoint(10, Hash(1)));
        await store.SaveAsync("authorities", new BlockCheckpoint(99, Hash(2)));
        await store.SaveAsync("permits", new BlockCheckpoint(ulong.MaxValue, Hash(3)));

        Assert.Equal(new BlockCheckpoint(ulong.MaxValue, Hash(3)), await store.LoadAsync("permits"));
        Assert.Equal(new BlockCheckpoint(99, Hash(2)), await store.LoadAsync("authorities"));
    }

    [StoreFact]
    public async Task Follower_names_that_could_escape_the_store_are_rejected()
    {
        var store = OpenStore();
        foreach (var name in new[] { "", "../x", "a/b", ".hidden", new string('a', 65), "a b" })
            await Assert.ThrowsAsync<ArgumentException>(() => store.LoadAsync(name));
    }
}

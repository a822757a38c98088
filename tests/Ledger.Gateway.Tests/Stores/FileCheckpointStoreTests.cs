using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;

namespace Ledger.Gateway.Tests.Stores;

public sealed class FileCheckpointStoreTests : CheckpointStoreContract, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    protected override ICheckpointStore OpenStore() => new FileCheckpointStore(TestOptions.Stores(o => o.CheckpointDirectory = _directory.Path));

    public void Dispose() => _directory.Dispose();

    [StoreFact]
    public async Task A_reader_never_sees_a_partly_written_checkpoint_while_another_instance_saves()
    {
        // Two instances stand for two processes; an in-place write would expose empty or
        // truncated files to the reader, which the parser rejects as corrupt.
        var writer = OpenStore();
        var reader = OpenStore();
        await writer.SaveAsync("race", new BlockCheckpoint(0, "0x" + new string('0', 64)));
        using var stop = new CancellationTokenSource();

        var writes = Task.Run(async () =>
        {
            try
            {
                for (ulong block = 1; block <= 400; block++)
                    await writer.SaveAsync("race", new BlockCheckpoint(block, "0x" + block.ToString("x64")));
            }
            finally
            {
                stop.Cancel();
            }
        });
        var reads = 0;
        ulong lastSeen = 0;
        while (!stop.IsCancellationRequested)
        {
            var seen = await reader.LoadAsync("race");
            Assert.NotNull(seen);
            Assert.Equal("0x" + seen.BlockNumber.ToString("x64"), seen.BlockHash);
            Assert.True(seen.BlockNumber >= lastSeen, "checkpoints only move forward here");
            lastSeen = seen.BlockNumber;
            reads++;
        }
        await writes;

        Assert.True(reads > 0);
        Assert.Equal(400UL, (await reader.LoadAsync("race"))!.BlockNumber);
        Assert.Empty(Directory.EnumerateFiles(_directory.Path, "*.tmp"));
    }

    [StoreFact]
    public async Task A_temporary_file_left_by_a_crashed_writer_does_not_disturb_loading_and_is_removed_at_startup()
    {
        await OpenStore().SaveAsync("permits", new BlockCheckpoint(41, "0x" + new string('a', 64)));
        var crashed = _directory.File(".permits.0123456789abcdef.tmp");
        await File.WriteAllTextAsync(crashed, "42 0x12");
        File.SetLastWriteTimeUtc(crashed, DateTime.UtcNow.AddHours(-1));
        var fresh = _directory.File(".permits.fedcba9876543210.tmp");
        await File.WriteAllTextAsync(fresh, "43 0x");

        var restarted = OpenStore();

        Assert.Equal(41UL, (await restarted.LoadAsync("permits"))!.BlockNumber);
        Assert.False(File.Exists(crashed));
        Assert.True(File.Exists(fresh), "a temporary file younger than a minute may belong to a running writer");
    }

    [StoreFact]
    public async Task A_corrupt_checkpoint_file_is_reported_with_its_path_and_what_to_do()
    {
        var store = OpenStore();
        await store.SaveAsync("permits", new BlockCheckpoint(1, "0x" + new string('b', 64)));
        var path = Directory.EnumerateFiles(_directory.Path).Single();
        await File.WriteAllTextAsync(path, "17 0xb");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.LoadAsync("permits"));

        Assert.Contains(path, error.Message);
        Assert.Contains("Delete it", error.Message);
    }
}

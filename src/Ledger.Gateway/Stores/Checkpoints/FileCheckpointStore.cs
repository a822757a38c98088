using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Checkpoints as files, one per follower, for a single gateway without Redis. A save
/// writes a temporary file in the same folder, flushes it to disk and renames it over the
/// old one; the rename is atomic, so a crash leaves either the old or the new checkpoint,
/// never a torn one. Temporary files left by a crash are removed at startup.
/// </summary>
public sealed class FileCheckpointStore : ICheckpointStore
{
    private const string TemporarySuffix = ".tmp";
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    private readonly string _directory;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Uses (and creates) <see cref="StoreOptions.CheckpointDirectory"/>.</summary>
    public FileCheckpointStore(IOptions<StoreOptions> options)
    {
        _directory = Path.GetFullPath(options.Value.CheckpointDirectory);
        Directory.CreateDirectory(_directory);
        RemoveAbandonedTemporaryFiles();
    }

    /// <inheritdoc />
    public async Task<BlockCheckpoint?> LoadAsync(string followerName, CancellationToken cancellationToken = default)
    {
        var path = PathOf(FollowerNames.Check(followerName));
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        return CheckpointText.Parse(text, $"file '{path}'");
    }

    /// <inheritdoc />
    public async Task SaveAsync(string followerName, BlockCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var path = PathOf(FollowerNames.Check(followerName));
        var temporary = Path.Combine(_directory, $".{followerName}.{Guid.NewGuid():N}{TemporarySuffix}");
        var bytes = System.Text.Encoding.UTF8.GetBytes(CheckpointText.Format(checkpoint));
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static void DeleteQuietly(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Removed at the next startup.
        }
    }

    private string PathOf(string followerName) => Path.Combine(_directory, followerName + ".checkpoint");

    private void RemoveAbandonedTemporaryFiles()
    {
        var cutoff = DateTime.UtcNow - AbandonedAfter;
        foreach (var file in Directory.EnumerateFiles(_directory, "." + "*" + TemporarySuffix))
        {
            // Younger files may belong to a writer that is still running.
            if (File.GetLastWriteTimeUtc(file) < cutoff)
                File.Delete(file);
        }
    }
}

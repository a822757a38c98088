namespace Ledger.Gateway.Stores;

/// <summary>
/// Durable progress of the chain event followers, one checkpoint per follower name, so a
/// restarted gateway resumes where it stopped instead of re-reading the chain.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>The saved checkpoint, or null when the follower never saved one.</summary>
    /// <param name="followerName">1..64 characters of A-Z, a-z, 0-9, '.', '_' or '-', not starting with '.'.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="StoreUnavailableException">The store cannot be reached (Redis).</exception>
    /// <exception cref="InvalidDataException">The saved checkpoint is corrupt.</exception>
    Task<BlockCheckpoint?> LoadAsync(string followerName, CancellationToken cancellationToken = default);

    /// <summary>Saves the checkpoint, replacing the previous one all at once.</summary>
    /// <param name="followerName">As for <see cref="LoadAsync"/>.</param>
    /// <param name="checkpoint">The last fully processed block.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="StoreUnavailableException">The store cannot be reached (Redis).</exception>
    Task SaveAsync(string followerName, BlockCheckpoint checkpoint, CancellationToken cancellationToken = default);
}

namespace Ledger.Chain.Rpc;

/// <summary>Limits applied by <see cref="JsonRpcClient"/> to every call.</summary>
public sealed record JsonRpcClientOptions
{
    /// <summary>Largest response body accepted: 32 MiB.</summary>
    public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>
    /// How long one HTTP exchange (connect, send, read the whole answer) may take before it is
    /// abandoned as a <see cref="RpcTransportException"/>. Default 30 s.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Responses larger than this are refused unread. Default 32 MiB.</summary>
    public long MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary>
    /// Most calls in one batch. Default 1,000, below Besu's default limit of 1,024; split larger
    /// work into several batches.
    /// </summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>Throws when a limit is out of range, naming it.</summary>
    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be positive (or infinite).");
        if (MaxResponseBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, "The response limit must be positive.");
        if (MaxBatchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "The batch limit must be positive.");
    }
}

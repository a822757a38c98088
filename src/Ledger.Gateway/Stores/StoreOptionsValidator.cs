using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Stores;

/// <summary>Checks the <c>Stores</c> section at startup.</summary>
public sealed partial class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    /// <summary>The shortest idempotency retention allowed: a retry must find the first result for a day.</summary>
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromHours(24);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var problems = new List<string>();
        if (!KeyPrefixPattern().IsMatch(options.KeyPrefix))
            problems.Add($"Stores:KeyPrefix '{options.KeyPrefix}' must be 0..32 characters of A-Z, a-z, 0-9, ':', '.', '_' or '-'.");
        if (options.IdempotencyRetention < MinimumRetention || options.IdempotencyRetention > TimeSpan.FromDays(30))
            problems.Add($"Stores:IdempotencyRetention {options.IdempotencyRetention} must be between 1.00:00:00 and 30.00:00:00.");
        if (options.IdempotencyInProgressLease < TimeSpan.FromSeconds(5) || options.IdempotencyInProgressLease > TimeSpan.FromHours(1))
            problems.Add($"Stores:IdempotencyInProgressLease {options.IdempotencyInProgressLease} must be between 00:00:05 and 01:00:00.");
        if (options.InMemoryIdempotencyCapacity is < 1 or > 10_000_000)
            problems.Add($"Stores:InMemoryIdempotencyCapacity {options.InMemoryIdempotencyCapacity} must be between 1 and 10,000,000.");
        if (options.InMemoryCacheCapacity is < 1 or > 10_000_000)
            problems.Add($"Stores:InMemoryCacheCapacity {options.InMemoryCacheCapacity} must be between 1 and 10,000,000.");
        if (options.NearCacheCapacity is < 0 or > 10_000_000)
            problems.Add($"Stores:NearCacheCapacity {options.NearCacheCapacity} must be between 0 (off) and 10,000,000.");
        if (options.NearCacheMaxAge <= TimeSpan.Zero || options.NearCacheMaxAge > TimeSpan.FromSeconds(30))
            problems.Add($"Stores:NearCacheMaxAge {options.NearCacheMaxAge} must be positive and at most 30 seconds (the Redis cache's own maximum).");
        if (string.IsNullOrWhiteSpace(options.CheckpointDirectory))
            problems.Add("Stores:CheckpointDirectory is empty: name a folder for the event follower's checkpoints.");
        if (options.NonceLeaseExpiry < TimeSpan.FromSeconds(1) || options.NonceLeaseExpiry > TimeSpan.FromMinutes(10))
            problems.Add($"Stores:NonceLeaseExpiry {options.NonceLeaseExpiry} must be between 00:00:01 and 00:10:00.");
        if (options.NonceRecountInterval < TimeSpan.Zero || options.NonceRecountInterval > TimeSpan.FromMinutes(10))
            problems.Add($"Stores:NonceRecountInterval {options.NonceRecountInterval} must be between 00:00:00 and 00:10:00.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^[A-Za-z0-9:._-]{0,32}$")]
    private static partial Regex KeyPrefixPattern();
}

using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Hosting;

/// <summary>Checks the <c>Limits</c> section at startup.</summary>
public sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LimitsOptions options)
    {
        var problems = new List<string>();
        if (options.RequestsPerSecond < 1)
            problems.Add($"Limits:RequestsPerSecond {options.RequestsPerSecond} must be at least 1.");
        if (options.Burst < 1)
            problems.Add($"Limits:Burst {options.Burst} must be at least 1.");
        if (options.CallerRequestsPerSecond < 1 || options.CallerRequestsPerSecond > options.RequestsPerSecond)
            problems.Add($"Limits:CallerRequestsPerSecond {options.CallerRequestsPerSecond} must be between 1 and Limits:RequestsPerSecond ({options.RequestsPerSecond}), the authority's ceiling.");
        if (options.CallerBurst < 1 || options.CallerBurst > options.Burst)
            problems.Add($"Limits:CallerBurst {options.CallerBurst} must be between 1 and Limits:Burst ({options.Burst}), the authority's ceiling.");
        if (options.PeerRequestsPerSecond < 1)
            problems.Add($"Limits:PeerRequestsPerSecond {options.PeerRequestsPerSecond} must be at least 1.");
        if (options.PeerBurst < 1)
            problems.Add($"Limits:PeerBurst {options.PeerBurst} must be at least 1.");
        if (options.PeerEndpointRequestsPerSecond is { } ceiling && ceiling < options.PeerRequestsPerSecond)
            problems.Add($"Limits:PeerEndpointRequestsPerSecond {ceiling} must be at least Limits:PeerRequestsPerSecond ({options.PeerRequestsPerSecond}): it is the ceiling for all peers together.");
        if (options.PeerEndpointBurst is { } burst && burst < options.PeerBurst)
            problems.Add($"Limits:PeerEndpointBurst {burst} must be at least Limits:PeerBurst ({options.PeerBurst}): it is the ceiling for all peers together.");
        if (options.AnonymousConsoleRequestsPerSecond < 1 || options.AnonymousConsoleBurst < 1)
            problems.Add($"Limits:AnonymousConsoleRequestsPerSecond ({options.AnonymousConsoleRequestsPerSecond}) and Limits:AnonymousConsoleBurst ({options.AnonymousConsoleBurst}) must be at least 1.");
        if (options.AnonymousConsoleTotalRequestsPerSecond is { } anonymousCeiling && anonymousCeiling < options.AnonymousConsoleRequestsPerSecond)
            problems.Add($"Limits:AnonymousConsoleTotalRequestsPerSecond {anonymousCeiling} must be at least Limits:AnonymousConsoleRequestsPerSecond ({options.AnonymousConsoleRequestsPerSecond}): it is the ceiling for all callers without an identity together.");
        if (options.AnonymousConsoleTotalBurst is { } anonymousBurst && anonymousBurst < options.AnonymousConsoleBurst)
            problems.Add($"Limits:AnonymousConsoleTotalBurst {anonymousBurst} must be at least Limits:AnonymousConsoleBurst ({options.AnonymousConsoleBurst}): it is the ceiling for all callers without an identity together.");
        if (options.AnonymousConsoleMaxRequestBytes is < 1024 or > 1024 * 1024)
            problems.Add($"Limits:AnonymousConsoleMaxRequestBytes {options.AnonymousConsoleMaxRequestBytes} must be between 1 KiB and 1 MiB.");
        if (options.MaxWatchStreamsPerOfficial < 1 || options.MaxWatchStreamsPerOfficial > options.MaxWatchStreamsPerAuthority)
            problems.Add($"Limits:MaxWatchStreamsPerOfficial {options.MaxWatchStreamsPerOfficial} must be between 1 and Limits:MaxWatchStreamsPerAuthority ({options.MaxWatchStreamsPerAuthority}), the authority's ceiling.");
        if (options.MaxWatchStreamsPerAuthority < 1 || options.MaxWatchStreamsPerAuthority > options.MaxWatchStreamsTotal)
            problems.Add($"Limits:MaxWatchStreamsPerAuthority {options.MaxWatchStreamsPerAuthority} must be between 1 and Limits:MaxWatchStreamsTotal ({options.MaxWatchStreamsTotal}), the gateway's ceiling.");
        if (options.MaxWatchStreamsPerCaller is { } formerLimit)
            problems.Add($"Limits:MaxWatchStreamsPerCaller ({formerLimit}) is no longer read: it counted the streams of a whole authority. " +
                "Set Limits:MaxWatchStreamsPerAuthority (all of an authority's officials together) and Limits:MaxWatchStreamsPerOfficial (each official) instead, and remove it.");
        if (options.WatchBufferItems is < 16 or > 100_000)
            problems.Add($"Limits:WatchBufferItems {options.WatchBufferItems} must be between 16 and 100000.");
        if (options.MaxReplayBlocks < 1)
            problems.Add("Limits:MaxReplayBlocks must be at least 1.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

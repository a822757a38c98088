using Ledger.Chain.Primitives;

namespace Ledger.Chain.Rpc;

/// <summary>
/// A filter for eth_getLogs. <see cref="Topics"/> is positional: entry i constrains topic i;
/// a null entry matches anything, an entry with several hashes matches any of them (OR).
/// </summary>
public sealed record LogFilter
{
    /// <summary>Most topic positions a log can have (LOG0 to LOG4).</summary>
    public const int MaxTopicPositions = 4;

    /// <summary>Contracts whose logs are wanted; empty for any contract.</summary>
    public IReadOnlyList<Address> Addresses { get; init; } = [];

    /// <summary>Per-position topic constraints; null entries are wildcards.</summary>
    public IReadOnlyList<IReadOnlyList<Hash32>?> Topics { get; init; } = [];

    /// <summary>First block searched; null leaves the node's default ("latest").</summary>
    public BlockTag? FromBlock { get; init; }

    /// <summary>Last block searched; null leaves the node's default ("latest").</summary>
    public BlockTag? ToBlock { get; init; }

    /// <summary>Throws when the filter cannot be sent as it is, saying why.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Addresses, nameof(Addresses));
        ArgumentNullException.ThrowIfNull(Topics, nameof(Topics));
        if (Topics.Count > MaxTopicPositions)
            throw new ArgumentException($"A log has at most {MaxTopicPositions} topics; the filter names {Topics.Count} positions.");
        if (Topics.Any(position => position is { Count: 0 }))
            throw new ArgumentException("An empty topic set would match nothing; use null for \"any topic\".");
        if (FromBlock?.Number is { } from && ToBlock?.Number is { } to && from > to)
            throw new ArgumentException($"The block range is empty: from {from} is after to {to}.");
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"LogFilter {{ Addresses = [{string.Join(", ", Addresses)}], Topics = [{string.Join(", ", Topics.Select(t => t is null ? "*" : string.Join("|", t)))}], " +
        $"From = {FromBlock?.ToString() ?? "-"}, To = {ToBlock?.ToString() ?? "-"} }}";
}

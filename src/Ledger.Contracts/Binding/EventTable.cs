using Ledger.Core.Primitives;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Binding;

/// <summary>
/// Decodes the logs of one contract into event records, found by topic 0: events of static
/// one-word values with <see cref="StaticEventLayout"/>, the others with Nethereum's event
/// decoder on the artifact's ABI. Built from one factory per event; refuses an ABI with
/// an event that has no factory, so a new contract event cannot be silently ignored.
/// </summary>
internal sealed class EventTable
{
    private readonly Dictionary<Bytes32, (EventABI Event, StaticEventLayout? Layout, Func<LogPosition, IReadOnlyList<object?>, ContractEvent> Create)> _byTopic = [];
    private readonly Dictionary<string, Bytes32> _topicByName = new(StringComparer.Ordinal);
    private readonly string _contractName;

    public EventTable(ContractArtifact artifact, IReadOnlyDictionary<string, Func<LogPosition, IReadOnlyList<object?>, ContractEvent>> factories)
    {
        _contractName = artifact.Name;
        foreach (var abiEvent in artifact.Abi.Events)
        {
            if (!factories.TryGetValue(abiEvent.Name, out var create))
                throw new InvalidOperationException($"{artifact.Name} declares event {abiEvent.Signature}, which the bindings do not decode.");
            var topic = Bytes32.Parse(abiEvent.Sha3Signature);
            _byTopic.Add(topic, (abiEvent, StaticEventLayout.For(abiEvent), create));
            _topicByName.Add(abiEvent.Name, topic);
        }
        var missing = factories.Keys.Except(_topicByName.Keys).ToArray();
        if (missing.Length > 0)
            throw new InvalidOperationException($"{artifact.Name} has no event {string.Join(", ", missing)}; the bindings and the artifact disagree.");
        Topics = _topicByName.Values.ToArray();
    }

    /// <summary>Topic 0 of every event, for a log filter.</summary>
    public IReadOnlyList<Bytes32> Topics { get; }

    /// <summary>Topic 0 of the event named <paramref name="name"/>.</summary>
    public Bytes32 TopicOf(string name) => _topicByName.TryGetValue(name, out var topic)
        ? topic
        : throw new KeyNotFoundException($"{_contractName} has no event named '{name}'; it has {string.Join(", ", _topicByName.Keys)}.");

    /// <summary>
    /// The event in <paramref name="log"/>, or null when the log is not one of these events (by
    /// topic 0 and number of topics). Throws <see cref="FormatException"/> when it is one but
    /// does not decode.
    /// </summary>
    public ContractEvent? TryDecode(FilterLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Topics is not { Length: > 0 } || !Bytes32.TryParseHex(log.Topics[0]?.ToString(), out var topic0, out _)
            || !_byTopic.TryGetValue(topic0, out var entry))
            return null;
        var indexed = entry.Event.InputParameters.Count(p => p.Indexed);
        if (log.Topics.Length != indexed + 1)
            return null;
        try
        {
            return entry.Create(LogPosition.Of(log), entry.Layout is { } layout ? DecodeStatic(layout, log) : DecodeWithNethereum(entry.Event, log));
        }
        catch (Exception e) when (e is not FormatException and not OverflowException)
        {
            throw new FormatException($"A {_contractName} {entry.Event.Name} log does not decode: {e.Message}", e);
        }
    }

    private static object?[] DecodeStatic(StaticEventLayout layout, FilterLog log)
    {
        var topics = new byte[log.Topics.Length - 1][];
        for (var i = 1; i < log.Topics.Length; i++)
            topics[i - 1] = Bytes32.TryParseHex(log.Topics[i]?.ToString(), out var word, out var error)
                ? word.ToArray()
                : throw new FormatException($"Topic {i} is not a 32-byte word: {error}");
        var data = log.Data is { Length: > 2 } hex && hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Convert.FromHexString(hex.AsSpan(2)) : [];
        return layout.Decode(topics, data);
    }

    private static object?[] DecodeWithNethereum(EventABI abiEvent, FilterLog log)
    {
        var decoded = abiEvent.DecodeEventDefaultTopics(log).Event;
        return abiEvent.InputParameters.OrderBy(p => p.Order)
            .Select(p => decoded.First(output => output.Parameter.Order == p.Order).Result)
            .ToArray();
    }
}

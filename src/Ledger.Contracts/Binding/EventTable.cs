using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;

namespace Ledger.Contracts.Binding;

/// <summary>
/// Decodes the logs of one contract into event records, found by topic 0. Built from the
/// contract's ABI and one factory per event; refuses an ABI with an event that has no factory,
/// so a new contract event cannot be silently ignored by the bindings.
/// </summary>
internal sealed class EventTable
{
    private readonly Dictionary<Hash32, (AbiEvent Event, Func<LogEntry, AbiTuple, ContractEvent> Create)> _byTopic = [];
    private readonly Dictionary<string, Hash32> _topicByName = new(StringComparer.Ordinal);
    private readonly string _contractName;

    public EventTable(ContractArtifact artifact, IReadOnlyDictionary<string, Func<LogEntry, AbiTuple, ContractEvent>> factories)
    {
        _contractName = artifact.Name;
        foreach (var abiEvent in artifact.Abi.Events)
        {
            if (!factories.TryGetValue(abiEvent.Name, out var create))
                throw new InvalidOperationException($"{artifact.Name} declares event {abiEvent.Signature}, which the bindings do not decode.");
            var topic = new Hash32(abiEvent.Topic0);
            _byTopic.Add(topic, (abiEvent, create));
            _topicByName.Add(abiEvent.Name, topic);
        }
        var missing = factories.Keys.Except(_topicByName.Keys).ToArray();
        if (missing.Length > 0)
            throw new InvalidOperationException($"{artifact.Name} has no event {string.Join(", ", missing)}; the bindings and the artifact disagree.");
        Topics = _topicByName.Values.ToArray();
    }

    /// <summary>Topic 0 of every event, for a log filter.</summary>
    public IReadOnlyList<Hash32> Topics { get; }

    /// <summary>Topic 0 of the event named <paramref name="name"/>.</summary>
    public Hash32 TopicOf(string name) => _topicByName.TryGetValue(name, out var topic)
        ? topic
        : throw new KeyNotFoundException($"{_contractName} has no event named '{name}'; it has {string.Join(", ", _topicByName.Keys)}.");

    /// <summary>
    /// The event in <paramref name="log"/>, or null when the log is not one of these events (by
    /// topic 0 and number of topics). Throws <see cref="AbiDecodingException"/> when it is one
    /// but its data does not decode.
    /// </summary>
    public ContractEvent? TryDecode(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Topics.Count == 0 || !_byTopic.TryGetValue(log.Topics[0], out var entry))
            return null;
        var topics = log.Topics.Select(topic => topic.Bytes.ToArray()).ToArray();
        return entry.Event.IsMatch(topics) ? entry.Create(log, entry.Event.DecodeLog(topics, log.Data)) : null;
    }
}

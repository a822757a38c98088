using System.Runtime.CompilerServices;
using Ledger.Chain.Abi;
using Ledger.Chain.Rpc;

namespace Ledger.Chain.Logs;

/// <summary>
/// Decodes logs into the typed events of one contract ABI, found by topic 0. A log whose
/// topic 0 is known but whose topics or data do not fit that event always throws: it means
/// the ABI does not match the contract, which must not pass silently.
/// </summary>
public sealed class EventLogDecoder
{
    private readonly ContractAbi _abi;

    /// <summary>Creates a decoder for the events of <paramref name="abi"/>.</summary>
    public EventLogDecoder(ContractAbi abi)
    {
        ArgumentNullException.ThrowIfNull(abi);
        _abi = abi;
    }

    /// <summary>
    /// Decodes <paramref name="log"/>, or returns null when its topic 0 is no event of the ABI
    /// (or it has no topics).
    /// </summary>
    /// <exception cref="AbiDecodingException">The event is known but the log does not decode as it.</exception>
    public DecodedLog? TryDecode(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var topics = log.Topics.Select(topic => topic.Bytes.ToArray()).ToArray();
        return _abi.DecodeLog(topics, log.Data) is { } decoded ? new DecodedLog(log, decoded) : null;
    }

    /// <summary>Decodes <paramref name="log"/>; an unknown event throws.</summary>
    /// <exception cref="AbiDecodingException">The log is no event of the ABI, or does not decode as its event.</exception>
    public DecodedLog Decode(LogEntry log) => TryDecode(log) ?? throw Unknown(log);

    /// <summary>Decodes a stream of logs in order; unknown events are skipped or thrown as <paramref name="unknownEvents"/> says.</summary>
    public async IAsyncEnumerable<DecodedLog> DecodeAsync(
        IAsyncEnumerable<LogEntry> logs,
        UnknownEventHandling unknownEvents = UnknownEventHandling.Skip,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(logs);
        await foreach (var log in logs.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (TryDecode(log) is { } decoded)
                yield return decoded;
            else if (unknownEvents == UnknownEventHandling.Throw)
                throw Unknown(log);
        }
    }

    private static AbiDecodingException Unknown(LogEntry log)
    {
        var topic0 = log.Topics.Count > 0 ? "topic 0 " + log.Topics[0] : "no topics";
        var error = new AbiDecodingException($"it has {topic0}, which is no event of this ABI");
        error.SetContext(Where(log));
        return error;
    }

    private static string Where(LogEntry log) =>
        $"log {log.LogIndex} of block {log.BlockNumber} (transaction {log.TransactionHash}, contract {log.Address})";
}

using System.Numerics;
using Nethereum.ABI.Model;

namespace Ledger.Contracts.Binding;

/// <summary>
/// Decodes, without Nethereum's reflection decoder, an event whose every value is one 32-byte
/// word: indexed values from the topics, the others from the data, each in the shape that
/// decoder gives (bytes32 as byte[32], address as byte[20], uintN as BigInteger). Events with any
/// other value (a bool, an array) stay with Nethereum.
/// Event followers decode every log of every block, and the reflection decoder cost about a
/// millisecond per log on this machine under load; most of the ledger's events
/// (PermitRegistered, PermitCancelled, PermitReplaced) have only such values. Topics and words
/// are checked as strictly as the ABI demands (their number, zero padding), so a log that is not
/// canonical is refused rather than read differently.
/// </summary>
internal sealed class StaticEventLayout
{
    private readonly WordKind[] _kinds;
    private readonly bool[] _indexed;
    private readonly int[] _widths;
    private readonly int _dataWords;
    private readonly int _topicWords;

    private StaticEventLayout(WordKind[] kinds, bool[] indexed, int[] widths)
    {
        _kinds = kinds;
        _indexed = indexed;
        _widths = widths;
        _dataWords = indexed.Count(i => !i);
        _topicWords = indexed.Length - _dataWords;
    }

    private enum WordKind { Bytes32, Address, Unsigned }

    /// <summary>The layout of <paramref name="abiEvent"/>, or null when a value is not one static word of these kinds.</summary>
    public static StaticEventLayout? For(EventABI abiEvent)
    {
        ArgumentNullException.ThrowIfNull(abiEvent);
        var parameters = abiEvent.InputParameters.OrderBy(p => p.Order).ToArray();
        var kinds = new WordKind[parameters.Length];
        var widths = new int[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].Type;
            if (type == "bytes32")
                kinds[i] = WordKind.Bytes32;
            else if (type == "address")
                kinds[i] = WordKind.Address;
            else if (type.StartsWith("uint", StringComparison.Ordinal) && int.TryParse(type.AsSpan(4), out var bits) && bits is >= 8 and <= 256 && bits % 8 == 0)
                (kinds[i], widths[i]) = (WordKind.Unsigned, bits / 8);
            else
                return null;
        }
        return new StaticEventLayout(kinds, parameters.Select(p => p.Indexed).ToArray(), widths);
    }

    /// <summary>The values in ABI order; <paramref name="topicWords"/> are the indexed values (topic 0 excluded).</summary>
    /// <exception cref="FormatException">The topics or the data are not exactly the event's words, or a word is not canonical for its type.</exception>
    public object?[] Decode(IReadOnlyList<byte[]> topicWords, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topicWords);
        if (topicWords.Count != _topicWords)
            throw new FormatException($"The log has {topicWords.Count} indexed values after topic 0; the event has {_topicWords}.");
        if (data.Length != _dataWords * 32)
            throw new FormatException($"The data holds {data.Length} bytes; the event's unindexed values take {_dataWords * 32}.");
        var values = new object?[_kinds.Length];
        int topic = 0, word = 0;
        for (var i = 0; i < _kinds.Length; i++)
        {
            var bytes = _indexed[i] ? topicWords[topic++] : data.Slice(32 * word++, 32).ToArray();
            values[i] = Read(_kinds[i], _widths[i], bytes);
        }
        return values;
    }

    private static object Read(WordKind kind, int width, byte[] word)
    {
        switch (kind)
        {
            case WordKind.Bytes32:
                return word;
            case WordKind.Address:
                RequireZeroPrefix(word, 12, "address");
                return word[12..];
            default:
                RequireZeroPrefix(word, 32 - width, $"uint{width * 8}");
                return new BigInteger(word, isUnsigned: true, isBigEndian: true);
        }
    }

    private static void RequireZeroPrefix(byte[] word, int length, string type)
    {
        if (word.AsSpan(0, length).ContainsAnyExcept((byte)0))
            throw new FormatException($"A {type} word has non-zero padding.");
    }
}

using System.Buffers.Binary;
using System.Reflection;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Abi;

/// <summary>
/// A contract's interface as the compiler describes it: functions (overloads told apart by
/// signature, also found by selector), events (found by topic 0), custom errors (found by
/// selector), the constructor, and whether it has fallback/receive functions.
/// </summary>
public sealed class ContractAbi
{
    private readonly AbiMemberIndex<AbiFunction> _functions;
    private readonly AbiMemberIndex<AbiEvent> _events;
    private readonly AbiMemberIndex<AbiError> _errors;
    private readonly Dictionary<uint, AbiFunction> _functionsBySelector = [];
    private readonly Dictionary<string, AbiEvent> _eventsByTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, AbiError> _errorsBySelector = [];

    /// <summary>Assembles an ABI from its members. Members repeated with the same signature are kept once.</summary>
    /// <exception cref="ArgumentException">Two different signatures share a selector.</exception>
    public ContractAbi(IEnumerable<AbiFunction> functions, IEnumerable<AbiEvent> events, IEnumerable<AbiError> errors,
        AbiConstructor? constructor = null, bool hasFallback = false, bool hasReceive = false)
    {
        _functions = new AbiMemberIndex<AbiFunction>("function", functions, f => f.Name, f => f.Signature);
        _events = new AbiMemberIndex<AbiEvent>("event", events, e => e.Name, e => e.Signature);
        _errors = new AbiMemberIndex<AbiError>("error", errors, e => e.Name, e => e.Signature);
        foreach (var function in _functions.All)
            AddUnique(_functionsBySelector, SelectorKey(function.Selector), function, f => f.Signature, "selector");
        foreach (var abiEvent in _events.All.Where(e => !e.Anonymous))
            AddUnique(_eventsByTopic, Hex.Encode(abiEvent.Topic0), abiEvent, e => e.Signature, "topic 0");
        foreach (var error in _errors.All)
            AddUnique(_errorsBySelector, SelectorKey(error.Selector), error, e => e.Signature, "selector");
        Constructor = constructor;
        HasFallback = hasFallback;
        HasReceive = hasReceive;
    }

    /// <summary>All functions, in ABI order.</summary>
    public IReadOnlyList<AbiFunction> Functions => _functions.All;

    /// <summary>All events, in ABI order.</summary>
    public IReadOnlyList<AbiEvent> Events => _events.All;

    /// <summary>All custom errors, in ABI order.</summary>
    public IReadOnlyList<AbiError> Errors => _errors.All;

    /// <summary>The constructor, when the ABI declares one.</summary>
    public AbiConstructor? Constructor { get; }

    /// <summary>True when the contract has a fallback function.</summary>
    public bool HasFallback { get; }

    /// <summary>True when the contract has a receive function (accepts plain Ether transfers).</summary>
    public bool HasReceive { get; }

    /// <summary>Parses a JSON ABI: the array itself, or an artifact object (forge's out/X.sol/X.json) with an "abi" array.</summary>
    /// <exception cref="FormatException">The JSON is not a valid ABI; the message names the entry and field.</exception>
    public static ContractAbi Parse(string json) => AbiJsonReader.Read(json);

    /// <summary>The function with this name (when not overloaded) or signature (e.g. <c>transfer(address,uint256)</c>).</summary>
    /// <exception cref="KeyNotFoundException">No such function.</exception>
    /// <exception cref="AmbiguousMatchException">The name is overloaded; the message lists the signatures to choose from.</exception>
    public AbiFunction GetFunction(string nameOrSignature) => _functions.Get(nameOrSignature);

    /// <summary>Looks up a function by name (when not overloaded) or signature, without throwing.</summary>
    public bool TryGetFunction(string nameOrSignature, out AbiFunction? function) => _functions.TryGet(nameOrSignature, out function);

    /// <summary>All overloads of a function name (empty when there is none).</summary>
    public IReadOnlyList<AbiFunction> GetOverloads(string name) => _functions.ByName(name);

    /// <summary>The function whose selector starts <paramref name="calldata"/>, if any.</summary>
    public bool TryGetFunctionBySelector(ReadOnlySpan<byte> calldata, out AbiFunction? function)
    {
        function = null;
        return calldata.Length >= 4 && _functionsBySelector.TryGetValue(SelectorKey(calldata), out function);
    }

    /// <summary>The event with this name (when not overloaded) or signature.</summary>
    /// <exception cref="KeyNotFoundException">No such event.</exception>
    /// <exception cref="AmbiguousMatchException">The name is overloaded.</exception>
    public AbiEvent GetEvent(string nameOrSignature) => _events.Get(nameOrSignature);

    /// <summary>The non-anonymous event whose topic 0 is <paramref name="topic0"/>, if any.</summary>
    public bool TryGetEventByTopic(ReadOnlySpan<byte> topic0, out AbiEvent? abiEvent) =>
        _eventsByTopic.TryGetValue(Hex.Encode(topic0), out abiEvent);

    /// <summary>The custom error with this name (when not overloaded) or signature.</summary>
    /// <exception cref="KeyNotFoundException">No such error.</exception>
    /// <exception cref="AmbiguousMatchException">The name is overloaded.</exception>
    public AbiError GetError(string nameOrSignature) => _errors.Get(nameOrSignature);

    /// <summary>The custom error whose selector starts <paramref name="revertData"/>, if any.</summary>
    public bool TryGetErrorBySelector(ReadOnlySpan<byte> revertData, out AbiError? error)
    {
        error = null;
        return revertData.Length >= 4 && _errorsBySelector.TryGetValue(SelectorKey(revertData), out error);
    }

    /// <summary>
    /// Decodes a log of one of this contract's events, found by topic 0. Returns null when no
    /// event here has that topic 0 (another contract's event, or an anonymous one).
    /// </summary>
    /// <exception cref="AbiDecodingException">The event is known but the log does not decode as it.</exception>
    public DecodedEvent? DecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Count == 0 || !TryGetEventByTopic(topics[0], out var abiEvent))
            return null;
        return new DecodedEvent(abiEvent!, abiEvent!.DecodeLog(topics, data));
    }

    /// <summary>Decodes calldata of one of this contract's functions, found by selector. Returns null for an unknown selector.</summary>
    /// <exception cref="AbiDecodingException">The function is known but the arguments do not decode.</exception>
    public DecodedCall? DecodeCall(ReadOnlySpan<byte> calldata)
    {
        if (!TryGetFunctionBySelector(calldata, out var function))
            return null;
        return new DecodedCall(function!, function!.DecodeInput(calldata));
    }

    private static uint SelectorKey(ReadOnlySpan<byte> data) => BinaryPrimitives.ReadUInt32BigEndian(data);

    private static void AddUnique<TKey, TMember>(Dictionary<TKey, TMember> index, TKey key, TMember member,
        Func<TMember, string> signature, string what)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var existing))
            throw new ArgumentException($"{signature(existing)} and {signature(member)} have the same {what}; the ABI is ambiguous.");
        index[key] = member;
    }
}

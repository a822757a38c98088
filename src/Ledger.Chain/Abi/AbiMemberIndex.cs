using System.Reflection;

namespace Ledger.Chain.Abi;

/// <summary>
/// Members of one kind (functions, events or errors) looked up by name or by signature.
/// Solidity allows overloading, so a bare name is accepted only when it is unambiguous.
/// </summary>
internal sealed class AbiMemberIndex<T>
    where T : class
{
    private readonly string _kind;
    private readonly Dictionary<string, T> _bySignature = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<T>> _byName = new(StringComparer.Ordinal);

    public AbiMemberIndex(string kind, IEnumerable<T> members, Func<T, string> name, Func<T, string> signature)
    {
        ArgumentNullException.ThrowIfNull(members);
        _kind = kind;
        var all = new List<T>();
        foreach (var member in members)
        {
            // solc lists an event or error once per contract that uses it; keep the first.
            if (!_bySignature.TryAdd(signature(member), member))
                continue;
            all.Add(member);
            if (!_byName.TryGetValue(name(member), out var overloads))
                _byName[name(member)] = overloads = [];
            overloads.Add(member);
        }
        All = all;
    }

    public IReadOnlyList<T> All { get; }

    public IReadOnlyList<T> ByName(string name) => _byName.TryGetValue(name, out var list) ? list : [];

    public T Get(string nameOrSignature)
    {
        if (TryGet(nameOrSignature, out var member))
            return member!;
        if (_byName.TryGetValue(nameOrSignature, out var overloads) && overloads.Count > 1)
            throw new AmbiguousMatchException(
                $"The {_kind} name '{nameOrSignature}' is overloaded; use one of the signatures: {string.Join(", ", overloads.Select(o => o.ToString()))}.");
        throw new KeyNotFoundException(
            $"No {_kind} '{nameOrSignature}' in this ABI. Known: {string.Join(", ", _bySignature.Keys.Take(50))}.");
    }

    public bool TryGet(string nameOrSignature, out T? member)
    {
        ArgumentNullException.ThrowIfNull(nameOrSignature);
        member = null;
        if (nameOrSignature.Contains('('))
            return _bySignature.TryGetValue(Canonicalise(nameOrSignature), out member);
        if (_byName.TryGetValue(nameOrSignature, out var overloads) && overloads.Count == 1)
            member = overloads[0];
        return member is not null;
    }

    // Accepts "transfer(address,uint)" as well as the canonical "transfer(address,uint256)".
    private static string Canonicalise(string signature)
    {
        try
        {
            var (name, inputs, _) = AbiTypeParser.ParseSignature(signature);
            return name + inputs.CanonicalName;
        }
        catch (FormatException)
        {
            return signature;
        }
    }
}

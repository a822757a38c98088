using System.Collections;
using System.Runtime.CompilerServices;

namespace Ledger.Chain.Abi;

/// <summary>
/// The elements of an array or tuple value, whatever list-like shape the caller used:
/// any <see cref="IList"/> (arrays, <c>List&lt;T&gt;</c>), any <c>IReadOnlyList&lt;object?&gt;</c>
/// (including <see cref="AbiTuple"/>), or an <see cref="ITuple"/> (ValueTuple, Tuple).
/// </summary>
internal readonly struct AbiValueList
{
    private readonly IList? _list;
    private readonly IReadOnlyList<object?>? _readOnlyList;
    private readonly ITuple? _tuple;

    private AbiValueList(IList? list, IReadOnlyList<object?>? readOnlyList, ITuple? tuple)
    {
        _list = list;
        _readOnlyList = readOnlyList;
        _tuple = tuple;
    }

    public int Count => _list?.Count ?? _readOnlyList?.Count ?? _tuple!.Length;

    public object? this[int index] => _list is not null ? _list[index] : _readOnlyList is not null ? _readOnlyList[index] : _tuple![index];

    /// <summary>Wraps <paramref name="value"/>, or explains which shapes <paramref name="type"/> takes.</summary>
    public static AbiValueList From(object? value, AbiType type) => value switch
    {
        IList list => new AbiValueList(list, null, null),
        IReadOnlyList<object?> readOnlyList => new AbiValueList(null, readOnlyList, null),
        ITuple tuple => new AbiValueList(null, null, tuple),
        _ => throw new AbiEncodingException(type,
            $"expected a list (array, List<T>, AbiTuple) or a ValueTuple, got {AbiValueText.DescribeKind(value)}"),
    };
}

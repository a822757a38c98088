using System.Collections;

namespace Ledger.Chain.Abi;

/// <summary>
/// Decoded tuple values (function outputs, event parameters, error arguments, structs), readable
/// by position or by component name. It can be passed back to the encoder as a tuple value.
/// </summary>
public sealed class AbiTuple : IReadOnlyList<object?>
{
    private readonly object?[] _values;

    /// <summary>Creates a tuple of <paramref name="values"/> described by <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException">The number of values differs from the number of components.</exception>
    public AbiTuple(AbiTupleType type, IReadOnlyList<object?> values)
        : this(values?.ToArray() ?? throw new ArgumentNullException(nameof(values)), type)
    {
        if (values.Count != type.Components.Count)
            throw new ArgumentException($"{type} has {type.Components.Count} components, got {values.Count} values.", nameof(values));
    }

    // Takes ownership of the array: the decoder builds it and hands it over without a copy.
    private AbiTuple(object?[] values, AbiTupleType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Type = type;
        _values = values;
    }

    /// <summary>Wraps decoded values without copying them.</summary>
    internal static AbiTuple Wrap(AbiTupleType type, object?[] values) => new(values, type);

    /// <summary>The tuple type, with the component names.</summary>
    public AbiTupleType Type { get; }

    /// <inheritdoc />
    public int Count => _values.Length;

    /// <inheritdoc />
    public object? this[int index] => _values[index];

    /// <summary>The value of the first component named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No component has that name; the message lists the names there are.</exception>
    public object? this[string name] => TryGet(name, out var value)
        ? value
        : throw new KeyNotFoundException(
            $"No component named '{name}' in {Type}; the names are: {string.Join(", ", Type.Components.Select((c, i) => AbiPath.Component(c.Name, i)))}.");

    /// <summary>Looks up the first component named <paramref name="name"/>.</summary>
    public bool TryGet(string name, out object? value)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (Type.Components[i].Name == name)
            {
                value = _values[i];
                return true;
            }
        }
        value = null;
        return false;
    }

    /// <summary>The value at <paramref name="index"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidCastException">The value is of another .NET type; the message says which.</exception>
    public T Get<T>(int index) => Cast<T>(_values[index], AbiPath.Component(Type.Components[index].Name, index));

    /// <summary>The value named <paramref name="name"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">No component has that name.</exception>
    /// <exception cref="InvalidCastException">The value is of another .NET type; the message says which.</exception>
    public T Get<T>(string name) => Cast<T>(this[name], name);

    /// <inheritdoc />
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Text form such as <c>(1, 0xAbC…, "text")</c>, see <see cref="AbiValueText.Format"/>.</summary>
    public override string ToString() => AbiValueText.Format(this);

    private static T Cast<T>(object? value, string name) => value is T typed
        ? typed
        : throw new InvalidCastException($"Component '{name}' is {AbiValueText.DescribeKind(value)}, not a {typeof(T).Name}.");
}

namespace Ledger.Chain.Abi;

/// <summary>
/// <c>(T1,...,Tn)</c>: a Solidity struct, or a parameter list. Components carry names, which
/// decoded <see cref="AbiTuple"/> values expose; the canonical name and encoding ignore them.
/// </summary>
public sealed class AbiTupleType : AbiType
{
    private readonly AbiSequence _sequence;

    /// <summary>Creates a tuple of the given components.</summary>
    /// <exception cref="ArgumentException">The tuple would nest deeper than <see cref="AbiLimits.MaxTypeDepth"/> or be larger than <see cref="AbiLimits.MaxStaticSize"/>.</exception>
    public AbiTupleType(IEnumerable<AbiParameter> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        Components = components.ToArray();
        ComponentTypes = Components.Select(c => c.Type).ToArray();
        CanonicalName = "(" + string.Join(',', ComponentTypes.Select(t => t.CanonicalName)) + ")";
        IsDynamic = ComponentTypes.Any(t => t.IsDynamic);
        Depth = ComponentTypes.Length == 0 ? 1 : ComponentTypes.Max(t => t.Depth) + 1;
        if (Depth > AbiLimits.MaxTypeDepth)
            throw new ArgumentException($"Tuple nests {Depth} levels deep; at most {AbiLimits.MaxTypeDepth} are supported.", nameof(components));
        ComponentsHeadSize = ComponentTypes.Sum(t => (long)t.HeadSize);
        if (!IsDynamic && ComponentsHeadSize > AbiLimits.MaxStaticSize)
            throw new ArgumentException(
                $"Tuple {AbiValueText.Shorten(CanonicalName, 200)} is {ComponentsHeadSize} bytes; static types are limited to {AbiLimits.MaxStaticSize}.",
                nameof(components));
        HeadSize = IsDynamic ? AbiWord.Size : (int)ComponentsHeadSize;
        _sequence = AbiSequence.Of(this);
    }

    /// <summary>The empty tuple <c>()</c>: the parameter list of a function without parameters.</summary>
    public static AbiTupleType Empty { get; } = new([]);

    /// <summary>The components, in order.</summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    /// <inheritdoc />
    public override string CanonicalName { get; }

    /// <inheritdoc />
    public override bool IsDynamic { get; }

    /// <inheritdoc />
    public override int HeadSize { get; }

    /// <inheritdoc />
    public override int Depth { get; }

    /// <summary>The component types, indexed without going through the parameters.</summary>
    internal AbiType[] ComponentTypes { get; }

    /// <summary>Size of the components' heads, i.e. where the tails of a value of this tuple begin.</summary>
    internal long ComponentsHeadSize { get; }

    /// <summary>A tuple of unnamed components.</summary>
    public static AbiTupleType Of(params AbiType[] types) => new(types.Select(AbiParameter.Unnamed));

    internal override void Encode(object? value, AbiBufferWriter writer, int position)
    {
        var values = AbiValueList.From(value, this);
        if (values.Count != Components.Count)
            throw new AbiEncodingException(this, $"expected {Components.Count} values, got {values.Count}");
        if (IsDynamic)
            position = writer.Reserve(ComponentsHeadSize, this);
        _sequence.Encode(values, writer, position);
    }

    internal override object? Decode(ref AbiReader reader, int position)
    {
        reader.Charge(AbiWord.Size + 8L * Components.Count);
        return AbiTuple.Wrap(this, _sequence.Decode(ref reader, position));
    }
}

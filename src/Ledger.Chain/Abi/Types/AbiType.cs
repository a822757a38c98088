namespace Ledger.Chain.Abi;

/// <summary>
/// A Solidity ABI type: an elementary type (<see cref="AbiIntegerType"/>, <see cref="AbiAddressType"/>,
/// <see cref="AbiBoolType"/>, <see cref="AbiFixedBytesType"/>, <see cref="AbiBytesType"/>,
/// <see cref="AbiStringType"/>), an array (<see cref="AbiArrayType"/>) or a tuple
/// (<see cref="AbiTupleType"/>). Each type knows its canonical name (used in selectors) and
/// how to encode and decode its values. Two types are equal when their canonical names are.
/// </summary>
/// <remarks>
/// .NET representation of values, for encoding and as decoded:
/// integers → <see cref="System.Numerics.BigInteger"/> (encoding also takes the built-in integer types and enums);
/// <c>address</c> → <see cref="Primitives.Address"/>; <c>bool</c> → <see cref="bool"/>;
/// <c>bytesN</c> and <c>bytes</c> → <c>byte[]</c> (encoding also takes <see cref="ReadOnlyMemory{T}"/>);
/// <c>string</c> → <see cref="string"/>; arrays → a list (decoded as <c>IReadOnlyList&lt;object?&gt;</c>);
/// tuples → a list, a <see cref="System.Runtime.CompilerServices.ITuple"/> such as a ValueTuple,
/// or an <see cref="AbiTuple"/> (decoded as <see cref="AbiTuple"/>).
/// </remarks>
public abstract class AbiType : IEquatable<AbiType>
{
    // The set of ABI types is closed: the codec relies on knowing every kind.
    private protected AbiType()
    {
    }

    /// <summary>The canonical name, as used in signatures: <c>uint256</c>, <c>(address,bytes32)[]</c>.</summary>
    public abstract string CanonicalName { get; }

    /// <summary>True when the encoded size depends on the value (bytes, string, T[], or containing one).</summary>
    public abstract bool IsDynamic { get; }

    /// <summary>Bytes the type occupies in the head of an enclosing tuple: 32 for dynamic types, the whole encoding for static ones.</summary>
    public abstract int HeadSize { get; }

    /// <summary>Nesting depth of arrays and tuples: 0 for elementary types.</summary>
    public abstract int Depth { get; }

    /// <summary>
    /// True for the types whose value is one 32-byte word (integers, address, bool, bytesN). Only
    /// these are stored as-is in event topics; indexed values of other types are stored as a hash.
    /// </summary>
    public virtual bool IsWordValue => false;

    /// <summary>Parses a canonical type string such as <c>uint256[]</c> or <c>(address,(bool,string)[2])</c>.</summary>
    /// <exception cref="FormatException">The text is not a supported ABI type; the message says why and where.</exception>
    public static AbiType Parse(string text) => AbiTypeParser.Parse(text);

    /// <summary>
    /// Writes the encoding of <paramref name="value"/> at <paramref name="position"/>. Static types
    /// write exactly <see cref="HeadSize"/> bytes into space the caller has reserved (and zeroed);
    /// dynamic types are called with <paramref name="position"/> equal to the writer's length and
    /// reserve their own space.
    /// </summary>
    internal abstract void Encode(object? value, AbiBufferWriter writer, int position);

    /// <summary>Decodes the value whose encoding starts at <paramref name="position"/>.</summary>
    internal abstract object? Decode(ref AbiReader reader, int position);

    /// <summary>Encodes the value on its own at the end of the writer, as the outermost value.</summary>
    internal void EncodeStandalone(object? value, AbiBufferWriter writer)
    {
        var position = IsDynamic ? writer.Length : writer.Reserve(HeadSize, this);
        Encode(value, writer, position);
    }

    /// <inheritdoc />
    public bool Equals(AbiType? other) => other is not null && CanonicalName == other.CanonicalName;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AbiType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalName);

    /// <inheritdoc />
    public override string ToString() => CanonicalName;

    /// <summary>Equality by canonical name.</summary>
    public static bool operator ==(AbiType? left, AbiType? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by canonical name.</summary>
    public static bool operator !=(AbiType? left, AbiType? right) => !(left == right);
}

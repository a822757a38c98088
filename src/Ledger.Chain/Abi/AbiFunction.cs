namespace Ledger.Chain.Abi;

/// <summary>
/// A contract function: its selector (first 4 bytes of the Keccak-256 of the canonical
/// signature), how to encode a call and how to decode what it returns.
/// </summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;

    /// <summary>Creates a function from its parts.</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public AbiFunction(string name, IEnumerable<AbiParameter> inputs, IEnumerable<AbiParameter>? outputs = null,
        AbiStateMutability stateMutability = AbiStateMutability.NonPayable)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        InputType = new AbiTupleType(inputs);
        OutputType = new AbiTupleType(outputs ?? []);
        StateMutability = stateMutability;
        Signature = name + InputType.CanonicalName;
        _selector = AbiSelector.Compute(Signature);
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<AbiParameter> Inputs => InputType.Components;

    /// <summary>The return values.</summary>
    public IReadOnlyList<AbiParameter> Outputs => OutputType.Components;

    /// <summary>The parameters as one tuple type.</summary>
    public AbiTupleType InputType { get; }

    /// <summary>The return values as one tuple type.</summary>
    public AbiTupleType OutputType { get; }

    /// <summary>Declared state mutability.</summary>
    public AbiStateMutability StateMutability { get; }

    /// <summary>True for view and pure functions, which are read with <c>eth_call</c> rather than a transaction.</summary>
    public bool IsReadOnly => StateMutability is AbiStateMutability.View or AbiStateMutability.Pure;

    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector that starts the calldata.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>
    /// Parses <c>name(T1,...)</c>, optionally followed by the output types <c>(R1,...)</c> as
    /// in <c>balanceOf(address)(uint256)</c>. Parameters are unnamed; mutability is non-payable.
    /// </summary>
    /// <exception cref="FormatException">The signature is malformed; the message says where.</exception>
    public static AbiFunction Parse(string signature)
    {
        var (name, inputs, outputs) = AbiTypeParser.ParseSignature(signature);
        return new AbiFunction(name, inputs.Components, outputs?.Components);
    }

    /// <summary>Calldata for a call: the selector followed by the encoded arguments.</summary>
    /// <exception cref="AbiEncodingException">An argument does not fit its parameter; the message names it.</exception>
    public byte[] EncodeCall(params object?[] arguments) =>
        AbiCodec.EncodeWithPrefix(_selector, InputType, arguments, $"call to {Signature}");

    /// <summary>Decodes calldata (selector included) back into the arguments.</summary>
    /// <exception cref="AbiDecodingException">The selector differs or the arguments do not decode.</exception>
    public AbiTuple DecodeInput(ReadOnlySpan<byte> calldata)
    {
        var context = $"call to {Signature}";
        return AbiCodec.Decode(InputType, AbiSelector.StripSelector(calldata, _selector, context), context);
    }

    /// <summary>Encodes return values, as the contract would.</summary>
    /// <exception cref="AbiEncodingException">A value does not fit its output type.</exception>
    public byte[] EncodeOutput(params object?[] values) =>
        AbiCodec.EncodeWithPrefix([], OutputType, values, $"output of {Signature}");

    /// <summary>Decodes the data returned by a call (e.g. the result of <c>eth_call</c>).</summary>
    /// <exception cref="AbiDecodingException">The data is not a valid encoding of the outputs.</exception>
    public AbiTuple DecodeOutput(ReadOnlySpan<byte> data) => AbiCodec.Decode(OutputType, data, $"output of {Signature}");

    /// <summary>The signature with outputs, e.g. <c>balanceOf(address)(uint256)</c>.</summary>
    public override string ToString() => Outputs.Count == 0 ? Signature : Signature + OutputType.CanonicalName;
}

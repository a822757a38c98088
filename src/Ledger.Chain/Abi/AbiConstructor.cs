namespace Ledger.Chain.Abi;

/// <summary>A contract constructor: deployment data is the creation bytecode followed by the encoded arguments.</summary>
public sealed class AbiConstructor
{
    /// <summary>Creates a constructor with the given parameters.</summary>
    public AbiConstructor(IEnumerable<AbiParameter> inputs, AbiStateMutability stateMutability = AbiStateMutability.NonPayable)
    {
        InputType = new AbiTupleType(inputs);
        StateMutability = stateMutability;
    }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<AbiParameter> Inputs => InputType.Components;

    /// <summary>The parameters as one tuple type.</summary>
    public AbiTupleType InputType { get; }

    /// <summary>Declared state mutability (payable or non-payable).</summary>
    public AbiStateMutability StateMutability { get; }

    /// <summary>The data of a contract-creation transaction: <paramref name="bytecode"/> then the encoded arguments.</summary>
    /// <exception cref="AbiEncodingException">An argument does not fit its parameter.</exception>
    public byte[] EncodeDeployment(ReadOnlySpan<byte> bytecode, params object?[] arguments) =>
        AbiCodec.EncodeWithPrefix(bytecode, InputType, arguments, "constructor" + InputType.CanonicalName);

    /// <inheritdoc />
    public override string ToString() => "constructor" + InputType.CanonicalName;
}

namespace Ledger.Chain.Abi;

/// <summary>
/// A Solidity custom error (<c>error PermitExhausted(bytes32 permitKey)</c>): revert data is its
/// 4-byte selector followed by the encoded arguments, exactly like a function call.
/// </summary>
public sealed class AbiError
{
    private readonly byte[] _selector;

    /// <summary>Creates an error from its name and parameters.</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public AbiError(string name, IEnumerable<AbiParameter> inputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        InputType = new AbiTupleType(inputs);
        Signature = name + InputType.CanonicalName;
        _selector = AbiSelector.Compute(Signature);
    }

    /// <summary><c>Error(string)</c>: what <c>require(cond, "message")</c> and <c>revert("message")</c> produce.</summary>
    public static AbiError ErrorString { get; } = new("Error", [new AbiParameter("message", AbiStringType.Instance)]);

    /// <summary><c>Panic(uint256)</c>: what failed assertions, overflows and similar bugs produce; see <see cref="PanicCode"/>.</summary>
    public static AbiError Panic { get; } = new("Panic", [new AbiParameter("code", AbiIntegerType.UInt256)]);

    /// <summary>The error name.</summary>
    public string Name { get; }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<AbiParameter> Inputs => InputType.Components;

    /// <summary>The parameters as one tuple type.</summary>
    public AbiTupleType InputType { get; }

    /// <summary>The canonical signature, e.g. <c>PermitExhausted(bytes32)</c>.</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector that starts the revert data.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>Parses <c>Name(T1,...)</c>; parameters are unnamed.</summary>
    /// <exception cref="FormatException">The signature is malformed or has an output list.</exception>
    public static AbiError Parse(string signature)
    {
        var (name, inputs, outputs) = AbiTypeParser.ParseSignature(signature);
        if (outputs is not null)
            throw new FormatException($"Error signature '{signature}' has an output list; errors have none.");
        return new AbiError(name, inputs.Components);
    }

    /// <summary>Revert data for this error with the given arguments (as a contract would produce).</summary>
    /// <exception cref="AbiEncodingException">An argument does not fit its parameter.</exception>
    public byte[] EncodeRevertData(params object?[] arguments) =>
        AbiCodec.EncodeWithPrefix(_selector, InputType, arguments, $"error {Signature}");

    /// <summary>Decodes revert data (selector included) into the arguments.</summary>
    /// <exception cref="AbiDecodingException">The selector differs or the arguments do not decode.</exception>
    public AbiTuple DecodeRevertData(ReadOnlySpan<byte> revertData)
    {
        var context = $"error {Signature}";
        return AbiCodec.Decode(InputType, AbiSelector.StripSelector(revertData, _selector, context), context);
    }

    /// <inheritdoc />
    public override string ToString() => Signature;
}

namespace Ledger.Chain.Abi;

/// <summary>A custom error declared in one of the known ABIs, with its decoded arguments.</summary>
public sealed class CustomErrorRevert : RevertReason
{
    internal CustomErrorRevert(ReadOnlySpan<byte> data, AbiError error, AbiTuple arguments)
        : base(data)
    {
        Error = error;
        Arguments = arguments;
    }

    /// <summary>The error declaration.</summary>
    public AbiError Error { get; }

    /// <summary>The error name, e.g. <c>PermitExhausted</c>.</summary>
    public string Name => Error.Name;

    /// <summary>The decoded arguments, by position or name.</summary>
    public AbiTuple Arguments { get; }

    /// <inheritdoc />
    public override string Message =>
        $"{Name}({string.Join(", ", Error.Inputs.Select((p, i) => (p.Name.Length > 0 ? p.Name + "=" : "") + AbiValueText.Format(Arguments[i])))})";
}

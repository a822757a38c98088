namespace Ledger.Chain.Abi;

/// <summary>
/// Bytes are not a valid ABI encoding of the expected types: truncated data, an offset or
/// length pointing outside the data, dirty padding, or an encoding that would expand beyond
/// <see cref="AbiLimits"/>. Decoding untrusted data throws only this exception.
/// </summary>
public sealed class AbiDecodingException : FormatException
{
    /// <summary>Creates an exception for a problem found at byte <paramref name="offset"/> of the data.</summary>
    public AbiDecodingException(string problem, int offset = -1)
    {
        Problem = problem;
        Offset = offset;
    }

    /// <summary>Where the bad value sits in the decoded structure (empty for a top-level value).</summary>
    public string ParameterPath { get; private set; } = "";

    /// <summary>The canonical ABI type being decoded when the problem was found, when known.</summary>
    public string? TypeName { get; private set; }

    /// <summary>Byte position in the data where the problem was found, or -1 when not tied to one.</summary>
    public int Offset { get; }

    /// <summary>What is wrong with the data.</summary>
    public string Problem { get; }

    /// <summary>What was being decoded (e.g. "output of balanceOf(address)"), when known.</summary>
    public string? Context { get; private set; }

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var what = (ParameterPath.Length, TypeName) switch
            {
                (> 0, not null) => $" '{ParameterPath}' ({TypeName})",
                (> 0, null) => $" '{ParameterPath}'",
                (_, not null) => $" {TypeName}",
                _ => "",
            };
            var where = Context is null ? "" : what.Length == 0 ? " " + Context : " in " + Context;
            var at = Offset >= 0 ? $" at byte {Offset}" : "";
            return $"Cannot ABI-decode{what}{where}{at}: {Problem}";
        }
    }

    /// <summary>Adds an outer path segment while the exception travels up the recursion.</summary>
    internal void PrependPath(string segment) => ParameterPath = AbiPath.Prepend(segment, ParameterPath);

    /// <summary>Records the innermost type involved; outer levels do not overwrite it.</summary>
    internal void SetTypeIfUnknown(AbiType type) => TypeName ??= type.CanonicalName;

    /// <summary>Records what was being decoded, once, at the outermost level.</summary>
    internal void SetContext(string context) => Context ??= context;
}

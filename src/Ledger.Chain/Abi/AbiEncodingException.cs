namespace Ledger.Chain.Abi;

/// <summary>
/// A value cannot be ABI-encoded as the declared type: wrong .NET type, out of range, wrong
/// length. The message names the parameter (e.g. <c>lines[1].amount</c>), its ABI type and
/// what is wrong, so the caller can fix the argument without reading the encoder.
/// </summary>
public sealed class AbiEncodingException : ArgumentException
{
    internal AbiEncodingException(AbiType type, string problem)
    {
        TypeName = type.CanonicalName;
        Problem = problem;
    }

    /// <summary>Where the bad value sits in the arguments (empty for a top-level value).</summary>
    public string ParameterPath { get; private set; } = "";

    /// <summary>The canonical ABI type the value was meant to be encoded as.</summary>
    public string TypeName { get; }

    /// <summary>What is wrong with the value.</summary>
    public string Problem { get; }

    /// <summary>What was being encoded (e.g. "call to transfer(address,uint256)"), when known.</summary>
    public string? Context { get; private set; }

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var what = ParameterPath.Length > 0 ? $"argument '{ParameterPath}' ({TypeName})" : $"value of type {TypeName}";
            var where = Context is null ? "" : $" for {Context}";
            return $"Cannot ABI-encode {what}{where}: {Problem}";
        }
    }

    /// <summary>Adds an outer path segment while the exception travels up the recursion.</summary>
    internal void PrependPath(string segment) => ParameterPath = AbiPath.Prepend(segment, ParameterPath);

    /// <summary>Records what was being encoded, once, at the outermost level.</summary>
    internal void SetContext(string context) => Context ??= context;
}

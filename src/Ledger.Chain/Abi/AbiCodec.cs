namespace Ledger.Chain.Abi;

/// <summary>
/// Solidity's <c>abi.encode</c> and <c>abi.decode</c>: a list of values encoded as one tuple
/// (heads, then tails). Functions, events and errors build on these.
/// </summary>
public static class AbiCodec
{
    /// <summary>Encodes <paramref name="values"/> as the parameters <paramref name="parameters"/>, like <c>abi.encode(values...)</c>.</summary>
    /// <exception cref="AbiEncodingException">A value does not fit its parameter; the message names it.</exception>
    public static byte[] Encode(AbiTupleType parameters, params object?[] values) =>
        EncodeWithPrefix([], parameters, values, context: null);

    /// <summary>Decodes data produced by <c>abi.encode</c> of the given parameter types.</summary>
    /// <exception cref="AbiDecodingException">The data is not a valid encoding; never any other exception for bad data.</exception>
    public static AbiTuple Decode(AbiTupleType parameters, ReadOnlySpan<byte> data) =>
        Decode(parameters, data, context: null);

    /// <summary>
    /// Encodes <paramref name="values"/> after <paramref name="prefix"/> (a selector, or contract
    /// bytecode for a deployment); offsets count from the end of the prefix.
    /// </summary>
    internal static byte[] EncodeWithPrefix(ReadOnlySpan<byte> prefix, AbiTupleType parameters, IReadOnlyList<object?> values, string? context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        var estimate = (long)prefix.Length + parameters.HeadSize + (parameters.IsDynamic ? 512 : 0);
        using var writer = new AbiBufferWriter((int)Math.Min(estimate, 1 << 20));
        try
        {
            var prefixPosition = writer.Reserve(prefix.Length, parameters);
            prefix.CopyTo(writer.Span(prefixPosition, prefix.Length));
            parameters.EncodeStandalone(values, writer);
        }
        catch (AbiEncodingException e) when (context is not null)
        {
            e.SetContext(context);
            throw;
        }
        return writer.ToArray();
    }

    /// <summary>Decodes a parameter tuple, recording <paramref name="context"/> in any error.</summary>
    internal static AbiTuple Decode(AbiTupleType parameters, ReadOnlySpan<byte> data, string? context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var reader = new AbiReader(data);
        try
        {
            return (AbiTuple)parameters.Decode(ref reader, 0)!;
        }
        catch (AbiDecodingException e) when (context is not null)
        {
            e.SetContext(context);
            throw;
        }
    }
}

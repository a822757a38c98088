namespace Ledger.Chain.Rlp;

/// <summary>
/// RLP input that is malformed or not in canonical form. <see cref="Offset"/> says where in
/// the input the problem was found.
/// </summary>
public sealed class RlpFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at byte <paramref name="offset"/>.</summary>
    public RlpFormatException(string message, int offset)
        : base($"Invalid RLP at byte {offset}: {message}") => Offset = offset;

    /// <summary>Byte offset in the input at which decoding failed.</summary>
    public int Offset { get; }
}

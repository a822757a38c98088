using System.Buffers.Binary;

namespace Ledger.Chain.Abi;

/// <summary>
/// Bounds-checked access to the data being decoded, plus the expansion budget of
/// <see cref="AbiLimits"/>. Every read goes through here, so a bad offset or length becomes an
/// <see cref="AbiDecodingException"/> rather than an out-of-range access.
/// </summary>
internal ref struct AbiReader
{
    private readonly ReadOnlySpan<byte> _data;
    private long _budget;

    public AbiReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _budget = AbiLimits.DecodeBaseAllowance + AbiLimits.DecodeExpansionFactor * data.Length;
    }

    /// <summary>Total bytes of data.</summary>
    public readonly int Length => _data.Length;

    /// <summary>The 32-byte word at <paramref name="position"/>; charges it to the budget.</summary>
    public ReadOnlySpan<byte> Word(int position)
    {
        if (position < 0 || position > _data.Length - AbiWord.Size)
            throw new AbiDecodingException(
                $"a 32-byte word at byte {position} runs past the end of the {_data.Length} bytes of data", position);
        Charge(AbiWord.Size);
        return _data.Slice(position, AbiWord.Size);
    }

    /// <summary><paramref name="count"/> bytes at <paramref name="position"/>; charges them to the budget.</summary>
    public ReadOnlySpan<byte> Bytes(int position, int count)
    {
        if (position < 0 || count < 0 || (long)position + count > _data.Length)
            throw new AbiDecodingException(
                $"{count} bytes at byte {position} run past the end of the {_data.Length} bytes of data", position);
        Charge(count);
        return _data.Slice(position, count);
    }

    /// <summary>
    /// Reads an offset or length word. It is a uint256 on the wire; anything that does not fit
    /// in an <see cref="int"/> cannot address data that fits in memory, so it is rejected here.
    /// </summary>
    public int ReadSize(int position, string what)
    {
        var word = Word(position);
        if (word[..24].ContainsAnyExcept((byte)0) || BinaryPrimitives.ReadUInt64BigEndian(word[24..]) > int.MaxValue)
            throw new AbiDecodingException(
                $"{what} {AbiWord.Describe(word)} is far beyond the {_data.Length} bytes of data", position);
        return (int)BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
    }

    /// <summary>Accounts for decoded output; throws once the data would expand beyond the limit.</summary>
    public void Charge(long units)
    {
        _budget -= units;
        if (_budget < 0)
            throw new AbiDecodingException(
                $"the decoded values would be far larger than the {_data.Length} bytes of data " +
                "(offsets that overlap or repeat); refusing to expand it");
    }
}

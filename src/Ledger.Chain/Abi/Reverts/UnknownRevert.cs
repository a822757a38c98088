using Ledger.Chain.Primitives;

namespace Ledger.Chain.Abi;

/// <summary>Revert data that matches no known error, or a known selector whose arguments do not decode.</summary>
public sealed class UnknownRevert : RevertReason
{
    internal UnknownRevert(ReadOnlySpan<byte> data, string explanation)
        : base(data)
    {
        Explanation = explanation;
    }

    /// <summary>The first 4 bytes of the data (empty when shorter).</summary>
    public ReadOnlySpan<byte> Selector => Data.Length >= 4 ? Data[..4] : [];

    /// <summary>Why it could not be decoded.</summary>
    public string Explanation { get; }

    /// <inheritdoc />
    public override string Message =>
        $"The contract reverted with unrecognised data {AbiValueText.Shorten(Hex.Encode(Data), 200)}: {Explanation}.";
}

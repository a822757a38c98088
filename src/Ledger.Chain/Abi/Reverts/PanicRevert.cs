using System.Numerics;

namespace Ledger.Chain.Abi;

/// <summary><c>Panic(uint256)</c>: a compiler-inserted check failed (overflow, division by zero, assert, ...).</summary>
public sealed class PanicRevert : RevertReason
{
    internal PanicRevert(ReadOnlySpan<byte> data, BigInteger code)
        : base(data)
    {
        Code = code;
    }

    /// <summary>The panic code; see <see cref="PanicCode"/>.</summary>
    public BigInteger Code { get; }

    /// <summary>What the code means.</summary>
    public string Meaning => PanicCode.Describe(Code);

    /// <inheritdoc />
    public override string Message =>
        $"The contract panicked ({Meaning}, code {CodeText}): a bug in the contract or input it does not handle.";

    private string CodeText => Code.Sign >= 0 && Code <= 0xff ? $"0x{(int)Code:x2}" : Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

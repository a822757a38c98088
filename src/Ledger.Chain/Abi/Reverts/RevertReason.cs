using System.Numerics;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Abi;

/// <summary>
/// Why a contract call reverted, decoded from its revert data by <see cref="RevertDecoder"/>:
/// <see cref="EmptyRevert"/>, <see cref="ErrorMessageRevert"/>, <see cref="PanicRevert"/>,
/// <see cref="CustomErrorRevert"/> or <see cref="UnknownRevert"/>. <see cref="Message"/> is
/// worded for the person who has to act on it.
/// </summary>
public abstract class RevertReason
{
    private readonly byte[] _data;

    private protected RevertReason(ReadOnlySpan<byte> data)
    {
        _data = data.ToArray();
    }

    /// <summary>The raw revert data.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>A one-line explanation.</summary>
    public abstract string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>Revert without data: <c>require(cond)</c> without a message, <c>revert()</c>, an invalid opcode or running out of gas.</summary>
public sealed class EmptyRevert : RevertReason
{
    internal EmptyRevert()
        : base([])
    {
    }

    /// <inheritdoc />
    public override string Message =>
        "The contract reverted without a reason (a require without message, an invalid opcode, or out of gas).";
}

/// <summary><c>Error(string)</c>: <c>require(cond, "reason")</c> or <c>revert("reason")</c>.</summary>
public sealed class ErrorMessageRevert : RevertReason
{
    internal ErrorMessageRevert(ReadOnlySpan<byte> data, string reason)
        : base(data)
    {
        Reason = reason;
    }

    /// <summary>The message the contract gave.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string Message => "The contract reverted: " + AbiValueText.Shorten(Reason, 500);
}

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

using System.Numerics;

namespace Ledger.Chain.Abi;

/// <summary>
/// The codes of Solidity's <c>Panic(uint256)</c>: compiler-inserted checks that failed, which
/// point to a bug in the contract or a call it was never meant to receive.
/// </summary>
public static class PanicCode
{
    /// <summary>Generic compiler-inserted panic.</summary>
    public const int Generic = 0x00;

    /// <summary><c>assert</c> failed.</summary>
    public const int AssertionFailed = 0x01;

    /// <summary>Arithmetic overflow or underflow outside an <c>unchecked</c> block.</summary>
    public const int ArithmeticOverflow = 0x11;

    /// <summary>Division or modulo by zero.</summary>
    public const int DivisionByZero = 0x12;

    /// <summary>A value too big or negative was converted to an enum.</summary>
    public const int InvalidEnumValue = 0x21;

    /// <summary>A storage byte array is incorrectly encoded.</summary>
    public const int InvalidStorageByteArray = 0x22;

    /// <summary><c>.pop()</c> on an empty array.</summary>
    public const int PopOnEmptyArray = 0x31;

    /// <summary>Array, <c>bytesN</c> or slice index out of bounds.</summary>
    public const int IndexOutOfBounds = 0x32;

    /// <summary>Too much memory allocated, or an array too large.</summary>
    public const int OutOfMemory = 0x41;

    /// <summary>Call to a zero-initialised variable of internal function type.</summary>
    public const int UninitializedFunction = 0x51;

    /// <summary>What a panic code means, in words an operator can report.</summary>
    public static string Describe(BigInteger code) => code.Sign >= 0 && code <= 0xff
        ? (int)code switch
        {
            Generic => "generic compiler-inserted panic",
            AssertionFailed => "assertion failed (assert)",
            ArithmeticOverflow => "arithmetic overflow or underflow",
            DivisionByZero => "division or modulo by zero",
            InvalidEnumValue => "value out of range for an enum",
            InvalidStorageByteArray => "incorrectly encoded storage byte array",
            PopOnEmptyArray => "pop() on an empty array",
            IndexOutOfBounds => "array index out of bounds",
            OutOfMemory => "too much memory allocated or array too large",
            UninitializedFunction => "call to an uninitialised internal function",
            var other => $"unknown panic code 0x{other:x2}",
        }
        : $"unknown panic code {code}";
}

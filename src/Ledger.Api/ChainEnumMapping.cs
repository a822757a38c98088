namespace Ledger.Api.V1;

/// <summary>
/// Converts the API enums to and from the chain's <c>uint8</c> enum values, following the
/// rule stated in common.proto: where the chain reserves 0 for "none" the proto value
/// equals the chain value; where 0 is a real chain value the proto value is chain + 1.
/// Keeping the rule in one place stops each service from re-deriving it.
/// </summary>
public static class ChainEnumMapping
{
    private const byte LastPermitType = 5;
    private const byte LastVerificationStatus = 2;
    // 8 (issuer not of the permit ID's country) is judged by the gateway, not returned by the
    // contracts' verify yet; its chain number is reserved so the rule "proto = chain" holds.
    private const byte LastVerificationReason = 8;
    private const byte LastAuthorityKind = 5;
    private const byte LastAuthorityStatus = 2;

    /// <summary>Chain value (0..5) of a permit type; UNSPECIFIED or unknown values throw.</summary>
    public static byte ToChainValue(this PermitType type) =>
        Shifted((int)type, LastPermitType, nameof(PermitType));

    /// <summary>Chain value (0..2) of a verification status.</summary>
    public static byte ToChainValue(this VerificationStatus status) =>
        Shifted((int)status, LastVerificationStatus, nameof(VerificationStatus));

    /// <summary>Chain value (0..8) of a verification reason; UNSPECIFIED is the chain's "None" (0).</summary>
    public static byte ToChainValue(this VerificationReason reason) =>
        Same((int)reason, LastVerificationReason, nameof(VerificationReason));

    /// <summary>Chain value (0..5) of an authority kind; UNSPECIFIED is the chain's "None" (0).</summary>
    public static byte ToChainValue(this AuthorityKind kind) =>
        Same((int)kind, LastAuthorityKind, nameof(AuthorityKind));

    /// <summary>Chain value (0..2) of an authority status; UNSPECIFIED is the chain's "None" (0).</summary>
    public static byte ToChainValue(this AuthorityStatus status) =>
        Same((int)status, LastAuthorityStatus, nameof(AuthorityStatus));

    /// <summary>Chain reason code of a cancel reason; UNSPECIFIED (0) throws because the chain requires a non-zero code.</summary>
    public static byte ToChainValue(this CancelReason reason) =>
        reason != CancelReason.Unspecified && Enum.IsDefined(reason)
            ? (byte)reason
            : throw new ArgumentOutOfRangeException(nameof(reason), reason, "A cancel reason is required.");

    /// <summary>The permit type for a chain value.</summary>
    public static PermitType PermitTypeFromChain(byte value) => (PermitType)Unshifted(value, LastPermitType, nameof(PermitType));

    /// <summary>The verification status for a chain value.</summary>
    public static VerificationStatus VerificationStatusFromChain(byte value) =>
        (VerificationStatus)Unshifted(value, LastVerificationStatus, nameof(VerificationStatus));

    /// <summary>The verification reason for a chain value.</summary>
    public static VerificationReason VerificationReasonFromChain(byte value) =>
        (VerificationReason)InRange(value, LastVerificationReason, nameof(VerificationReason));

    /// <summary>The authority kind for a chain value.</summary>
    public static AuthorityKind AuthorityKindFromChain(byte value) =>
        (AuthorityKind)InRange(value, LastAuthorityKind, nameof(AuthorityKind));

    /// <summary>The authority status for a chain value.</summary>
    public static AuthorityStatus AuthorityStatusFromChain(byte value) =>
        (AuthorityStatus)InRange(value, LastAuthorityStatus, nameof(AuthorityStatus));

    /// <summary>The cancel reason for a chain reason code; codes this API does not name map to OTHER.</summary>
    public static CancelReason CancelReasonFromChain(byte value) =>
        value != 0 && Enum.IsDefined((CancelReason)value) ? (CancelReason)value : CancelReason.Other;

    private static byte Shifted(int protoValue, byte lastChainValue, string enumName) =>
        protoValue >= 1 && protoValue <= lastChainValue + 1
            ? (byte)(protoValue - 1)
            : throw new ArgumentOutOfRangeException(enumName, protoValue, $"{enumName} {protoValue} has no chain value.");

    private static byte Same(int protoValue, byte lastChainValue, string enumName) =>
        protoValue >= 0 && protoValue <= lastChainValue
            ? (byte)protoValue
            : throw new ArgumentOutOfRangeException(enumName, protoValue, $"{enumName} {protoValue} has no chain value.");

    private static int Unshifted(byte chainValue, byte lastChainValue, string enumName) =>
        InRange(chainValue, lastChainValue, enumName) + 1;

    private static int InRange(byte chainValue, byte lastChainValue, string enumName) =>
        chainValue <= lastChainValue
            ? chainValue
            : throw new ArgumentOutOfRangeException(enumName, chainValue, $"Chain {enumName} {chainValue} is not known to this API version.");
}

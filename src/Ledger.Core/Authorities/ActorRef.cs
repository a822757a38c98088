using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Ledger.Core.Errors;
using Ledger.Core.Primitives;

namespace Ledger.Core.Authorities;

/// <summary>
/// A 32-byte reference to the person or system that acted for an authority, for the audit
/// trail on chain without personal data on chain (design invariant 6).
/// </summary>
/// <remarks>
/// <para>The reference is <c>keccak256("actor:" + identity)</c> over UTF-8, where
/// <c>identity</c> is the canonical official identity string
/// <c>"{caFingerprint}|{subject}"</c>: the SHA-256 fingerprint of the certificate authority
/// that vouches for the actor (64 lower-case hex digits, no separators) and the actor's
/// certificate subject exactly as that CA wrote it, trimmed. Keccak-256 because it is the
/// hash the contracts and <c>cast keccak</c> already use, so an auditor can recompute a
/// reference with a standard tool; the "actor:" prefix keeps these references apart from
/// permit keys and shipment references.</para>
/// <para>The hash is pseudonymous, not anonymous: whoever can guess a subject can confirm
/// it. The issuing authority keeps the mapping from reference to person in its own audit
/// log, which is where identification belongs.</para>
/// </remarks>
public readonly record struct ActorRef(Bytes32 Value)
{
    /// <summary>Longest subject accepted, in characters (X.509 subjects are far shorter in practice).</summary>
    public const int MaxSubjectLength = 512;

    private const string DomainPrefix = "actor:";

    // C0, DEL and C1 controls: they are invisible in logs and never part of a real subject.
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(code => (char)code).ToArray());

    /// <summary>
    /// Builds the reference from the CA fingerprint (64 hex digits, either case, optionally
    /// separated by colons as certificate viewers print them) and the subject.
    /// </summary>
    public static bool TryFromCertificate(
        string? caFingerprint, string? subject, out ActorRef actor, [NotNullWhen(false)] out string? error)
    {
        actor = default;
        var fingerprintDigits = (caFingerprint ?? string.Empty).Trim().Replace(":", string.Empty, StringComparison.Ordinal);
        if (!Bytes32.TryParseHex(fingerprintDigits, out var fingerprint, out var fingerprintError))
        {
            error = $"CA fingerprint must be a SHA-256 fingerprint: {fingerprintError}";
            return false;
        }
        var trimmedSubject = (subject ?? string.Empty).Trim();
        if (trimmedSubject.Length is 0 or > MaxSubjectLength)
        {
            error = $"certificate subject must be 1 to {MaxSubjectLength} characters, got {trimmedSubject.Length}";
            return false;
        }
        var control = trimmedSubject.AsSpan().IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            error = $"certificate subject contains the control character {InputEcho.Character(trimmedSubject[control])}";
            return false;
        }
        var identity = $"{fingerprint.ToHex()[2..]}|{trimmedSubject}";
        actor = new ActorRef(Keccak.HashUtf8(DomainPrefix + identity));
        error = null;
        return true;
    }

    /// <summary>Builds the reference; see <see cref="TryFromCertificate"/>.</summary>
    /// <exception cref="LedgerException">With kind InvalidArgument when an input is malformed.</exception>
    public static ActorRef FromCertificate(string caFingerprint, string subject) =>
        TryFromCertificate(caFingerprint, subject, out var actor, out var error)
            ? actor
            : throw LedgerException.InvalidArgument("actor", error);

    /// <summary>Lower-case "0x" hex.</summary>
    public override string ToString() => Value.ToHex();
}

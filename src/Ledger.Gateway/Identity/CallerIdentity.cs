using Ledger.Core.Authorities;

namespace Ledger.Gateway.Identity;

/// <summary>
/// Who is calling: the authority account the gateway acts for, the official's role, and
/// the official's identity text for the audit log. Only <see cref="ActorRef"/>, a hash,
/// ever goes on chain (no personal data on chain).
/// </summary>
public sealed class CallerIdentity
{
    /// <summary>
    /// The CA fingerprint Devnet identities are hashed under: all zeros, which no real CA
    /// certificate has, so a Devnet actorRef never equals a production one.
    /// </summary>
    public static readonly string DevnetCaFingerprint = new('0', 64);

    private CallerIdentity(string authorityAddress, CallerRole role, string officialIdentity, ActorRef actorRef)
    {
        if (!AuthorityAddressText.TryNormalise(authorityAddress, out var address))
            throw new ArgumentException($"'{authorityAddress}' is not an account address (0x + 40 hex digits).", nameof(authorityAddress));
        if (!Enum.IsDefined(role))
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown caller role.");
        AuthorityAddress = address;
        Role = role;
        OfficialIdentity = officialIdentity;
        ActorRef = actorRef;
        ActorRefHex = actorRef.ToString();
        OfficialKey = $"{address}|{ActorRefHex}";
    }

    /// <summary>
    /// An official identified by a client certificate: <paramref name="caFingerprint"/> is the
    /// SHA-256 of the issuing CA certificate (64 hex digits), <paramref name="subject"/> the
    /// certificate's subject. The actorRef is Core's <see cref="Core.Authorities.ActorRef.FromCertificate"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The address, fingerprint or subject is malformed.</exception>
    public static CallerIdentity FromCertificate(string authorityAddress, CallerRole role, string caFingerprint, string subject)
    {
        if (!ActorRef.TryFromCertificate(caFingerprint, subject, out var actorRef, out var error))
            throw new ArgumentException(error, nameof(subject));
        return new CallerIdentity(authorityAddress, role, $"{caFingerprint.ToLowerInvariant()}|{subject.Trim()}", actorRef);
    }

    /// <summary>A Devnet identity named in the request header; audit text "devnet|&lt;name&gt;".</summary>
    /// <exception cref="ArgumentException">The address or name is malformed.</exception>
    public static CallerIdentity FromDevnetName(string authorityAddress, CallerRole role, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var official = "devnet|" + name;
        if (!ActorRef.TryFromCertificate(DevnetCaFingerprint, official, out var actorRef, out var error))
            throw new ArgumentException(error, nameof(name));
        return new CallerIdentity(authorityAddress, role, official, actorRef);
    }

    /// <summary>The authority's account address, "0x" + 40 lower-case hex digits.</summary>
    public string AuthorityAddress { get; }

    /// <summary>What the official may do.</summary>
    public CallerRole Role { get; }

    /// <summary>
    /// Canonical text naming the official: "&lt;issuing CA SHA-256&gt;|&lt;certificate subject&gt;" for a
    /// certificate, "devnet|&lt;name&gt;" in Devnet mode. Written to the gateway's audit log only.
    /// </summary>
    public string OfficialIdentity { get; }

    /// <summary>The actorRef recorded on chain (Core's keccak256 of "actor:" + CA fingerprint + "|" + subject).</summary>
    public ActorRef ActorRef { get; }

    /// <summary>The actorRef as "0x" + 64 lower-case hex digits.</summary>
    public string ActorRefHex { get; }

    /// <summary>
    /// "&lt;authority address&gt;|&lt;actorRef&gt;": one official within its authority (the rate limiter's
    /// key per official), built once with the identity rather than at every request.
    /// </summary>
    public string OfficialKey { get; }

    /// <inheritdoc />
    public override string ToString() => $"{OfficialIdentity} for {AuthorityAddress} as {Role}";
}

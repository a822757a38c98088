using System.Security.Cryptography;
using System.Text;

namespace Ledger.Gateway.Identity;

/// <summary>
/// Who is calling: the authority account the gateway acts for, the official's role, and
/// the official's identity text for the audit log. Only <see cref="ActorRef"/>, a hash,
/// ever goes on chain (no personal data on chain).
/// </summary>
public sealed class CallerIdentity
{
    private readonly byte[] _actorRef;

    /// <summary>Creates an identity; <paramref name="authorityAddress"/> must be "0x" + 40 hex digits.</summary>
    /// <exception cref="ArgumentException">The address is malformed or the official identity is empty.</exception>
    public CallerIdentity(string authorityAddress, CallerRole role, string officialIdentity)
    {
        if (!AuthorityAddressText.TryNormalise(authorityAddress, out var address))
            throw new ArgumentException($"'{authorityAddress}' is not an account address (0x + 40 hex digits).", nameof(authorityAddress));
        if (!Enum.IsDefined(role))
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown caller role.");
        ArgumentException.ThrowIfNullOrWhiteSpace(officialIdentity);
        AuthorityAddress = address;
        Role = role;
        OfficialIdentity = officialIdentity;
        _actorRef = SHA256.HashData(Encoding.UTF8.GetBytes(officialIdentity));
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

    /// <summary>SHA-256 of the UTF-8 official identity, 32 bytes: the actorRef recorded on chain.</summary>
    public ReadOnlySpan<byte> ActorRef => _actorRef;

    /// <summary>The actorRef as "0x" + 64 lower-case hex digits.</summary>
    public string ActorRefHex => "0x" + Convert.ToHexStringLower(_actorRef);

    /// <inheritdoc />
    public override string ToString() => $"{OfficialIdentity} for {AuthorityAddress} as {Role}";
}

namespace Ledger.Gateway.Peers;

/// <summary>
/// Why a call to the issuer's gateway got no answer from the gateway published on chain. The
/// calling officer is told none of this (<see cref="PeerLinkException.OfficerAnswer"/>): telling
/// them apart would let an issuer and an officer together map what this gateway can reach.
/// Only this gateway's audit log and metrics carry it.
/// </summary>
public enum PeerLinkFailure
{
    /// <summary>The published host resolves only to addresses this deployment does not allow; nothing was connected.</summary>
    HostRefused,

    /// <summary>No connection or TLS handshake could be completed in time (refused, unresolvable, timed out, reset).</summary>
    Unreachable,

    /// <summary>The server presented a certificate whose SHA-256 is not the published fingerprint.</summary>
    UntrustedCertificate,
}

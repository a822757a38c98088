using Ledger.Core.Errors;

namespace Ledger.Gateway.Peers;

/// <summary>
/// A call to another gateway got no answer from the gateway published on chain, for
/// <see cref="Cause"/>, told in <see cref="Exception.Message"/> for the audit log. The calling
/// officer gets <see cref="OfficerAnswer"/> whatever the cause.
/// </summary>
public sealed class PeerLinkException : Exception
{
    /// <summary>
    /// The one answer to the officer for every <see cref="PeerLinkFailure"/>: the same code and
    /// text, naming no address, port or certificate, so that it says nothing about what this
    /// gateway can reach. UNAVAILABLE, as an unreachable gateway or a certificate being replaced
    /// is worth a retry.
    /// </summary>
    public static readonly LedgerError OfficerAnswer = LedgerError.Unavailable(
        "the issuer's gateway could not be reached as the gateway its authority published on chain; retry later, "
        + "and if it persists ask this gateway's operator, whose audit log records the cause");

    /// <summary>Creates one.</summary>
    /// <param name="cause">Which failure.</param>
    /// <param name="url">The published gateway, scheme, host and port.</param>
    /// <param name="detail">What happened, for the audit log (addresses, fingerprints, the network error).</param>
    public PeerLinkException(PeerLinkFailure cause, string url, string detail)
        : base(detail)
    {
        Cause = cause;
        Url = url;
    }

    /// <summary>Which failure it was.</summary>
    public PeerLinkFailure Cause { get; }

    /// <summary>The published gateway, scheme, host and port.</summary>
    public string Url { get; }
}

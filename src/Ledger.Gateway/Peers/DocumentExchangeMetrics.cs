using System.Diagnostics.Metrics;
using Ledger.Gateway.Observability;

namespace Ledger.Gateway.Peers;

/// <summary>
/// Instruments of the document exchange, on the gateway's meter (<see cref="GatewayMetrics.MeterName"/>,
/// exported on <c>/metrics</c>): documents fetched per result, the mismatches among them being
/// the one an operator alerts on (and the fetches the published gateway gave no answer to, by
/// cause, which the officer is not told), and documents served to other gateways per outcome.
/// </summary>
public sealed class DocumentExchangeMetrics : IDisposable
{
    /// <summary>Result tag of a fetched document that matched the ledger.</summary>
    public const string Matched = "matched";

    /// <summary>Result tag of a fetched document that did not match the ledger.</summary>
    public const string Mismatched = "mismatched";

    /// <summary>Result tag of a fetch answered with "not available".</summary>
    public const string NotAvailable = "not_available";

    /// <summary>Result tag of a fetch refused before connecting: the published host is not allowed here.</summary>
    public const string HostRefused = "host_refused";

    /// <summary>Result tag of a fetch whose issuer's gateway could not be reached.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>Result tag of a fetch whose issuer's gateway presented another certificate than the published one.</summary>
    public const string UntrustedCertificate = "untrusted_certificate";

    private readonly Meter _meter;
    private readonly Counter<long> _fetched;
    private readonly Counter<long> _served;

    /// <summary>Creates the instruments.</summary>
    public DocumentExchangeMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(GatewayMetrics.MeterName);
        _fetched = _meter.CreateCounter<long>("ledger.documents.fetched", "{document}",
            "Documents fetched from issuers' gateways, by result (matched, mismatched, not_available; "
            + "host_refused, unreachable, untrusted_certificate when the published gateway gave no answer).");
        _served = _meter.CreateCounter<long>("ledger.documents.served", "{request}",
            "Document requests of other gateways, by outcome (succeeded, refused, rejected, failed, not_available).");
    }

    /// <summary>One fetch finished with <paramref name="result"/>.</summary>
    public void RecordFetched(string result) => _fetched.Add(1, new KeyValuePair<string, object?>("result", result));

    /// <summary>One fetch got no answer from the published gateway, for <paramref name="cause"/>.</summary>
    public void RecordLinkFailed(PeerLinkFailure cause) => RecordFetched(cause switch
    {
        PeerLinkFailure.HostRefused => HostRefused,
        PeerLinkFailure.UntrustedCertificate => UntrustedCertificate,
        _ => Unreachable,
    });

    /// <summary>One peer request finished with <paramref name="outcome"/>.</summary>
    public void RecordServed(string outcome) => _served.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}

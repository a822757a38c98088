using Grpc.Core;
using Ledger.Gateway.Observability;

namespace Ledger.Gateway.Peers;

/// <summary>
/// Audit lines of the document exchange, under the audit category (<see cref="AuditLog.Category"/>)
/// beside the writes: every document served to another gateway, every refusal (also one
/// answered as nothing to serve), every answer that a document is not available, and, on the calling side, every document that did not
/// match the ledger and every call the published gateway gave no answer to, with its cause. Lines name authorities, permits and hashes, never document contents.
/// </summary>
public sealed partial class DocumentExchangeAudit(ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger(AuditLog.Category);

    /// <summary>The issuer side handed a document to the gateway of <paramref name="authority"/>.</summary>
    public void Served(string authority, string permitId, string documentHash, long sizeBytes) =>
        LogServed(authority, permitId, documentHash, sizeBytes);

    /// <summary>The issuer side answered that no document is available, and why.</summary>
    public void NotAvailable(string authority, string permitId, string reason) => LogNotAvailable(authority, permitId, reason);

    /// <summary>The issuer side refused the gateway claiming to act for <paramref name="authority"/>.</summary>
    public void Refused(string authority, string permitId, StatusCode status, string reason) =>
        LogRefused(authority, permitId, AuditOutcome.Of(status), status, reason);

    /// <summary>
    /// The issuer side refused the gateway of <paramref name="authority"/> (not entitled to the
    /// document) and answered it as if there were nothing to serve, so that it learns nothing.
    /// </summary>
    public void RefusedAsNothing(string authority, string permitId, string reason) => LogRefusedAsNothing(authority, permitId, reason);

    /// <summary>The calling side received a document whose hash is not the anchored one.</summary>
    public void Mismatch(string official, string authority, string permitId, string issuerGateway, string anchored, string received) =>
        LogMismatch(official, authority, permitId, issuerGateway, anchored, received);

    /// <summary>
    /// The calling side got no answer from the issuer's gateway published at <paramref name="issuerGateway"/>,
    /// for <paramref name="cause"/>; the officer was answered <see cref="PeerLinkException.OfficerAnswer"/>.
    /// </summary>
    public void LinkFailed(string official, string authority, string permitId, string issuerGateway, PeerLinkFailure cause, string detail) =>
        LogLinkFailed(official, authority, permitId, issuerGateway, cause, detail);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information,
        Message = "Audit: gateway of authority {Authority}: GetPermitDocument {PermitId}: served, document {DocumentHash} ({SizeBytes} bytes)")]
    private partial void LogServed(string authority, string permitId, string documentHash, long sizeBytes);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information,
        Message = "Audit: gateway of authority {Authority}: GetPermitDocument {PermitId}: not available: {Reason}")]
    private partial void LogNotAvailable(string authority, string permitId, string reason);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning,
        Message = "Audit: gateway of authority {Authority}: GetPermitDocument {PermitId}: {Outcome} with {StatusCode}: {Reason}")]
    private partial void LogRefused(string authority, string permitId, string outcome, StatusCode statusCode, string reason);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning,
        Message = "Audit: gateway of authority {Authority}: GetPermitDocument {PermitId}: refused, answered as nothing to serve: {Reason}")]
    private partial void LogRefusedAsNothing(string authority, string permitId, string reason);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning,
        Message = "Audit: {Official} for authority {Authority}: FetchPermitDocument {PermitId}: no answer from the issuer's gateway {IssuerGateway}: "
            + "{Cause}: {Detail}; the officer was told only that it could not be reached")]
    private partial void LogLinkFailed(string official, string authority, string permitId, string issuerGateway, PeerLinkFailure cause, string detail);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning,
        Message = "Audit: {Official} for authority {Authority}: FetchPermitDocument {PermitId}: DOCUMENT DOES NOT MATCH THE LEDGER: "
            + "the issuer's gateway {IssuerGateway} served {ReceivedHash}, the ledger anchors {AnchoredHash}")]
    private partial void LogMismatch(string official, string authority, string permitId, string issuerGateway, string anchoredHash, string receivedHash);
}

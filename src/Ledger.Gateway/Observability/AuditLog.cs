using Grpc.Core;

namespace Ledger.Gateway.Observability;

/// <summary>
/// The audit trail of writes (category <see cref="Category"/>): who (official and authority),
/// what (action, subject, request ID), the outcome, the gRPC status and why. Refused and
/// failed writes are recorded as well as successful ones. Lines carry identities, IDs and
/// the caller-facing error message only, never document contents, keys or passwords.
/// </summary>
public sealed partial class AuditLog(ILoggerFactory loggers)
{
    /// <summary>The log category audit lines are written under, so operators can route them to their archive.</summary>
    public const string Category = "Ledger.Gateway.Audit";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    /// <summary>A write that reached the ledger (or was answered from its first result).</summary>
    public void Succeeded(string official, string authority, string action, string requestId, string subject, string txHash, bool replayed) =>
        LogSucceeded(official, authority, action, requestId, subject, replayed ? AuditOutcome.Replayed : AuditOutcome.Succeeded, txHash);

    /// <summary>A write that was refused or failed, with the status its caller received.</summary>
    public void NotDone(string official, string authority, string action, string requestId, StatusCode status, string reason) =>
        LogNotDone(official, authority, action, requestId, AuditOutcome.Of(status), status, reason);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Audit: {Official} for authority {Authority}: {Action} {Subject} request {RequestId}: {Outcome}, transaction {TxHash}")]
    private partial void LogSucceeded(string official, string authority, string action, string requestId, string subject, string outcome, string txHash);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Audit: {Official} for authority {Authority}: {Action} request {RequestId}: {Outcome} with {StatusCode}: {Reason}")]
    private partial void LogNotDone(string official, string authority, string action, string requestId, string outcome, StatusCode statusCode, string reason);
}

/// <summary>The outcome words of audit lines and write metrics.</summary>
public static class AuditOutcome
{
    /// <summary>Done.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>A retry answered with the first result.</summary>
    public const string Replayed = "replayed";

    /// <summary>The caller may not do this (unauthenticated, wrong role or authority).</summary>
    public const string Refused = "refused";

    /// <summary>The request or the ledger's state said no (bad input, precondition, conflict).</summary>
    public const string Rejected = "rejected";

    /// <summary>The gateway or node could not complete it (retryable or a bug).</summary>
    public const string Failed = "failed";

    /// <summary>The outcome a caller who received <paramref name="status"/> had.</summary>
    public static string Of(StatusCode status) => status switch
    {
        StatusCode.OK => Succeeded,
        StatusCode.PermissionDenied or StatusCode.Unauthenticated => Refused,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists
            or StatusCode.NotFound or StatusCode.OutOfRange or StatusCode.ResourceExhausted => Rejected,
        _ => Failed,
    };
}

namespace Ledger.Core.Errors;

/// <summary>
/// What kind of failure a <see cref="LedgerError"/> is. Each kind maps one-to-one to a
/// gRPC status code in the gateway, and tells the caller what to do next.
/// </summary>
public enum LedgerErrorKind
{
    /// <summary>The input is malformed; correct it and send again (gRPC INVALID_ARGUMENT).</summary>
    InvalidArgument = 0,

    /// <summary>The calling authority may not do this (gRPC PERMISSION_DENIED).</summary>
    PermissionDenied = 1,

    /// <summary>
    /// The input is well formed but the ledger's state forbids it: cancelled, expired,
    /// exhausted, quantity exceeded (gRPC FAILED_PRECONDITION). Retrying will not help.
    /// </summary>
    FailedPrecondition = 2,

    /// <summary>Something with the same identity but different content exists (gRPC ALREADY_EXISTS).</summary>
    AlreadyExists = 3,

    /// <summary>
    /// A thing that is not a permit (an authority, a request) does not exist (gRPC NOT_FOUND).
    /// A missing permit is a verification result (NOT_AVAILABLE), never this kind.
    /// </summary>
    NotFound = 4,

    /// <summary>No ledger node could be reached; retrying later is safe (gRPC UNAVAILABLE).</summary>
    Unavailable = 5,

    /// <summary>
    /// The same write (same request ID) is still being carried out by an earlier call; retry it
    /// shortly with the same request ID to get its result (gRPC ABORTED).
    /// </summary>
    Aborted = 6,
}

using Google.Protobuf;
using Ledger.Api.V1;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Permits;
using Ledger.Gateway.Chain;

namespace Ledger.Gateway.Application;

/// <summary>One idempotent write, as a handler hands it to the <see cref="WritePipeline"/> after validating and authorising it.</summary>
/// <typeparam name="TResponse">The gRPC response.</typeparam>
internal sealed record WriteOperation<TResponse>
    where TResponse : class, IMessage<TResponse>
{
    /// <summary>What is done, for the audit log (e.g. "RegisterPermit").</summary>
    public required string Action { get; init; }

    /// <summary>The client's request ID.</summary>
    public required string RequestId { get; init; }

    /// <summary>The request as received; its bytes are the fingerprint a retry must repeat.</summary>
    public required IMessage Request { get; init; }

    /// <summary>What the write is about, for the audit log: a normalised permit ID or an authority account.</summary>
    public string? Subject { get; init; }

    /// <summary>Permits whose cached verification the write makes stale.</summary>
    public IReadOnlyList<PermitKey> Touches { get; init; } = [];

    /// <summary>Tells contract errors in the officer's terms.</summary>
    public RevertContext Context { get; init; } = RevertContext.None;

    /// <summary>Parses a stored result for replay.</summary>
    public required MessageParser<TResponse> Parser { get; init; }

    /// <summary>The receipt inside a response (marked as replayed on a retry).</summary>
    public required Func<TResponse, WriteReceipt?> ReceiptOf { get; init; }

    /// <summary>
    /// Sends the transaction with the given sender (which tells the pipeline what it broadcast)
    /// and builds the response, or answers from the chain without sending.
    /// </summary>
    public required Func<ITransactionSender, CancellationToken, Task<TResponse>> Execute { get; init; }

    /// <summary>
    /// Builds the response from the mined transaction of an earlier attempt, found by its hash
    /// when a retry follows a receipt timeout.
    /// </summary>
    public required Func<ChainWriteResult, CancellationToken, Task<TResponse>> Respond { get; init; }
}

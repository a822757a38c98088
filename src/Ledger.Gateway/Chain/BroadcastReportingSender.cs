using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Chain;

/// <summary>
/// The sender one write sends with: <see cref="TransactionSender"/> that reports each broadcast
/// transaction's hash before it waits for the receipt, so the write's idempotency record knows
/// what was sent even when the receipt never comes (a timeout, a crash).
/// </summary>
internal sealed class BroadcastReportingSender(TransactionSender inner, Func<Bytes32, Task> onBroadcast) : ITransactionSender
{
    /// <inheritdoc />
    public Address From => inner.From;

    /// <inheritdoc />
    public Task<TransactionOutcome> SendAsync(TransactionRequest request, CancellationToken ct = default) =>
        inner.SendAsync(request, onBroadcast, ct);
}

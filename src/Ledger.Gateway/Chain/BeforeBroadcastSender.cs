using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;

namespace Ledger.Gateway.Chain;

/// <summary>
/// A sender that does <paramref name="beforeBroadcast"/> for every transaction it sends, once the
/// node's gas estimate found that the call would succeed and before a nonce is reserved (see
/// <see cref="TransactionRequest.BeforeBroadcast"/>): a registration keeps its document only when
/// the call would register, and the document is durable before its transaction can be mined.
/// </summary>
internal sealed class BeforeBroadcastSender(ITransactionSender inner, Func<CancellationToken, Task> beforeBroadcast) : ITransactionSender
{
    /// <inheritdoc />
    public Address From => inner.From;

    /// <inheritdoc />
    public Task<TransactionOutcome> SendAsync(TransactionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return inner.SendAsync(request with { BeforeBroadcast = beforeBroadcast }, ct);
    }
}

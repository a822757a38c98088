using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Sending;
using Ledger.Chain.Transactions;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Sending;

/// <summary>Small things the sender tests share.</summary>
internal static class SendingKit
{
    /// <summary>Options that poll quickly, for tests on a local anvil.</summary>
    public static TransactionSenderOptions FastOptions { get; } = new()
    {
        ReceiptPollInterval = TimeSpan.FromMilliseconds(20),
        ReceiptTimeout = TimeSpan.FromSeconds(60),
    };

    public static PrivateKey KeyOf(DevAccount account) => PrivateKey.FromBytes(account.PrivateKey());

    /// <summary>The signed transaction an eth_sendRawTransaction call carried, decoded.</summary>
    public static SignedTransaction SignedTransactionOf(RecordedCall call)
    {
        Assert.Equal("eth_sendRawTransaction", call.Method);
        return TransactionDecoder.Decode(call.Parameters[0]!.GetValue<string>());
    }

    /// <summary>The hash an eth_sendRawTransaction call carried (computed from its bytes, whatever the node answered).</summary>
    public static Hash32 HashOf(RecordedCall call) => new(SignedTransactionOf(call).Hash.Span);
}

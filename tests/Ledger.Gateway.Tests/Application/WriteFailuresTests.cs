using Ledger.Contracts.Ethereum;
using Ledger.Core.Errors;
using Ledger.Gateway.Application;

namespace Ledger.Gateway.Tests.Application;

/// <summary>
/// Failures that send nothing and pass by themselves answer UNAVAILABLE, which clients retry
/// with the same request ID; before, nonce contention between two replicas (their Redis lease
/// down) escaped as UNKNOWN, which no client retries, and the fault drill counted lost writes.
/// </summary>
public sealed class WriteFailuresTests
{
    [Fact]
    public void Nonces_taken_by_another_sender_are_unavailable_and_say_nothing_was_sent()
    {
        var contention = new NonceContentionException("0x00000000000000000000000000000000000000c5", 4, 146, new InvalidOperationException("replacement transaction underpriced"));

        var translated = WriteFailures.Translate(contention, RevertContext.None);

        Assert.NotNull(translated);
        Assert.Equal(LedgerErrorKind.Unavailable, translated.Kind);
        Assert.Contains("nothing was sent", translated.Error.Message, StringComparison.Ordinal);
        Assert.Contains("same request ID", translated.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_busy_nonce_lease_stays_unavailable()
    {
        var translated = WriteFailures.Translate(new NonceLeaseUnavailableException("0xc5", TimeSpan.FromSeconds(30)), RevertContext.None);

        Assert.Equal(LedgerErrorKind.Unavailable, translated?.Kind);
    }
}

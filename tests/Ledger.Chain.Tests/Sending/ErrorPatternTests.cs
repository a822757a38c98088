using Ledger.Chain.Logs;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;

namespace Ledger.Chain.Tests.Sending;

/// <summary>The node messages the sender and the log reader act on, as geth, Besu and anvil word them.</summary>
public class ErrorPatternTests
{
    [Theory]
    [InlineData("nonce too low", true)]                              // geth, anvil
    [InlineData("Nonce too low", true)]                              // Besu
    [InlineData("already known", true)]                              // geth
    [InlineData("Known transaction", true)]                          // Besu
    [InlineData("transaction already imported", true)]               // anvil
    [InlineData("replacement transaction underpriced", true)]        // geth, anvil
    [InlineData("Replacement transaction underpriced", true)]        // Besu
    [InlineData("txpool is full", false)]
    [InlineData("Insufficient funds for gas * price + value", false)]
    [InlineData("transaction underpriced", false)]
    [InlineData("Nonce too high", false)]
    public void Nonce_conflicts_are_told_from_other_refusals(string message, bool nonceTaken) =>
        Assert.Equal(nonceTaken, NonceErrors.IsNonceTaken(new RpcErrorException("eth_sendRawTransaction", -32000, message, null)));

    [Theory]
    [InlineData("query returned more than 10000 results", true)]                 // geth, Infura
    [InlineData("exceed maximum block range: 5000", true)]
    [InlineData("Requested range exceeds maximum RPC range limit", true)]        // Besu
    [InlineData("limit exceeded", true)]
    [InlineData("Log response size exceeded.", true)]
    [InlineData("too many results", true)]
    [InlineData("invalid params", false)]
    [InlineData("header not found", false)]
    public void Too_large_log_queries_are_told_from_other_errors(string message, bool tooLarge) =>
        Assert.Equal(tooLarge, LogQueryLimits.IsTooLarge(new RpcErrorException("eth_getLogs", -32005, message, null)));

    [Theory]
    [InlineData(100_000UL, 1.25, 10_000UL, 15_000_000UL, 135_000UL)]
    [InlineData(21_001UL, 1.25, 0UL, 15_000_000UL, 26_252UL)]       // 26251.25 rounds up
    [InlineData(100_000UL, 2.0, 0UL, 150_000UL, 150_000UL)]         // capped
    [InlineData(150_000UL, 1.0, 0UL, 150_000UL, 150_000UL)]         // exactly the cap
    public void Gas_limits_are_the_estimate_times_the_multiplier_plus_headroom_within_the_cap(
        ulong estimate, double multiplier, ulong headroom, ulong cap, ulong expected)
    {
        var options = new TransactionSenderOptions { GasEstimateMultiplier = multiplier, GasHeadroom = headroom, MaxGasLimit = cap };

        Assert.Equal(expected, GasLimits.FromEstimate(estimate, options));
    }

    [Fact]
    public void An_estimate_above_the_cap_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => GasLimits.FromEstimate(150_001, new TransactionSenderOptions { MaxGasLimit = 150_000 }));
}

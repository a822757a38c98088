using Ledger.Contracts.Ethereum;
using Ledger.Gateway.Stores;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ledger.Gateway.Tests.Stores;

public sealed class NonceHandoverPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private readonly NonceHandoverPolicy _policy = new(
        Options.Create(new StoreOptions { NonceRecountInterval = TimeSpan.FromSeconds(5) }), new FakeTimeProvider(Now));

    [Theory]
    [InlineData(-4.9, true)]
    [InlineData(-5.0, false)]
    [InlineData(-60, false)]
    public void A_handover_is_trusted_only_within_the_recount_interval(double countedSecondsAgo, bool trusted)
    {
        var handover = new NonceHandover(12, Now.AddSeconds(countedSecondsAgo));

        Assert.Equal(trusted, _policy.Trusted(handover, DateTimeOffset.MinValue) is not null);
    }

    [Fact]
    public void A_handover_counted_before_the_last_store_outage_is_not_trusted()
    {
        var handover = new NonceHandover(12, Now.AddSeconds(-2));

        Assert.Null(_policy.Trusted(handover, Now.AddSeconds(-1)));
        Assert.Same(handover, _policy.Trusted(handover, Now.AddSeconds(-3)));
    }

    [Fact]
    public void The_stored_text_round_trips()
    {
        var handover = new NonceHandover(18_446_744_073_709_551_615, DateTimeOffset.FromUnixTimeMilliseconds(1_796_000_000_123));

        Assert.Equal("18446744073709551615:1796000000123", NonceHandoverPolicy.Format(handover));
        Assert.Equal(handover, NonceHandoverPolicy.Parse(NonceHandoverPolicy.Format(handover)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("-1:5")]
    [InlineData("12:x")]
    [InlineData("1:2:3")]
    [InlineData("12:99999999999999999")]
    public void Anything_else_in_the_store_is_no_handover(string? text) => Assert.Null(NonceHandoverPolicy.Parse(text));
}

using Ledger.Core.Permits;

namespace Ledger.Core.Tests.Permits;

public class ValidityWindowTests
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Until = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_is_inclusive_and_until_exclusive()
    {
        Assert.True(ValidityWindow.TryCreate(From, Until, out var window, out _));
        Assert.True(window.IsNotYetValidAt(From.AddSeconds(-1)));
        Assert.True(window.Contains(From));
        Assert.True(window.Contains(Until.AddSeconds(-1)));
        Assert.False(window.Contains(Until));
        Assert.True(window.IsExpiredAt(Until));
    }

    [Fact]
    public void Unix_seconds_are_the_on_chain_values()
    {
        Assert.True(ValidityWindow.TryCreate(From, Until, out var window, out _));
        Assert.Equal(1767225600UL, window.FromUnixSeconds);
        Assert.Equal(1782864000UL, window.UntilUnixSeconds);
        Assert.Equal(window, ValidityWindow.FromChain(1767225600, 1782864000));
    }

    [Fact]
    public void Local_offsets_are_stored_as_the_same_instant_in_utc()
    {
        var zurichMidnight = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));
        Assert.True(ValidityWindow.TryCreate(zurichMidnight, Until, out var window, out _));
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), window.From);
        Assert.Equal(TimeSpan.Zero, window.From.Offset);
    }

    [Fact]
    public void Problems_name_their_fields()
    {
        Assert.False(ValidityWindow.TryCreate(Until, From, out _, out var reversed));
        Assert.Equal("validUntil", Assert.Single(reversed).Field);

        Assert.False(ValidityWindow.TryCreate(From, From, out _, out var empty));
        Assert.Contains("must be after validFrom", Assert.Single(empty).Message);

        Assert.False(ValidityWindow.TryCreate(From.AddMilliseconds(500), Until.AddTicks(1), out _, out var fractional));
        Assert.Equal(["validFrom", "validUntil"], fractional.Select(p => p.Field));
        Assert.All(fractional, p => Assert.Contains("whole number of seconds", p.Message));

        Assert.False(ValidityWindow.TryCreate(DateTimeOffset.UnixEpoch.AddSeconds(-1), Until, out _, out var beforeEpoch));
        Assert.Contains("1970", Assert.Single(beforeEpoch).Message);
    }

    [Fact]
    public void Chain_values_breaking_the_invariants_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ValidityWindow.FromChain(10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValidityWindow.FromChain(10, ValidityWindow.MaxUnixSeconds));
        Assert.Equal((1UL << 40) - 1, ValidityWindow.MaxUnixSeconds);
    }

    [Fact]
    public void Text_is_utc_to_the_second() =>
        Assert.Equal("2026-01-01 00:00:00 UTC to 2026-07-01 00:00:00 UTC", ValidityWindow.FromChain(1767225600, 1782864000).ToString());
}

using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Gateway.Application;

namespace Ledger.Gateway.Tests.Application;

public sealed class PermitIdMemoTests
{
    [Theory]
    [InlineData("CH/2026/000123")]
    [InlineData(" ch/2026/000123 ")]
    public void A_text_parses_as_Core_parses_it_and_again_from_the_memo(string text)
    {
        var memo = new PermitIdMemo();
        var first = memo.Parse(text, "permit_id");
        Assert.Equal(PermitId.Parse(text), first);
        Assert.Equal(PermitId.Parse(text).Key, first.Key);
        Assert.Same(first, memo.Parse(text, "permit_id"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a permit")]
    public void A_text_that_does_not_parse_is_refused_every_time_and_never_kept(string? text)
    {
        var memo = new PermitIdMemo();
        for (var i = 0; i < 2; i++)
        {
            var refused = Assert.Throws<LedgerException>(() => memo.Parse(text, "permit_id"));
            Assert.Equal(LedgerErrorKind.InvalidArgument, refused.Kind);
            Assert.Contains("permit_id", refused.Error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Past_its_capacity_it_starts_again_and_still_answers_right()
    {
        var memo = new PermitIdMemo();
        var first = memo.Parse("CH/0", "permit_id");
        for (var i = 1; i <= PermitIdMemo.Capacity; i++)
            Assert.Equal($"CH/{i}", memo.Parse($"CH/{i}", "permit_id").Normalised);
        var again = memo.Parse("CH/0", "permit_id");
        Assert.NotSame(first, again);
        Assert.Equal(first, again);
    }
}

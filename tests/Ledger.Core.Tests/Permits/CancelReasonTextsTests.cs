using Ledger.Core.Permits;

namespace Ledger.Core.Tests.Permits;

public class CancelReasonTextsTests
{
    [Theory]
    [InlineData(CancelReason.IssuedInError, "issued in error")]
    [InlineData(CancelReason.SpecimenLost, "specimens lost, dead or destroyed")]
    [InlineData((CancelReason)7, "reason code 7")]
    public void Reasons_read_as_phrases(CancelReason reason, string expected) =>
        Assert.Equal(expected, CancelReasonTexts.Describe(reason));

    [Fact]
    public void Every_defined_reason_has_its_own_text()
    {
        var texts = Enum.GetValues<CancelReason>().Select(CancelReasonTexts.Describe).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.DoesNotContain(texts, t => t.StartsWith("reason code", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, CancelReason.IssuedInError)]
    [InlineData(255, CancelReason.Other)]
    public void Defined_codes_are_accepted(int code, CancelReason expected)
    {
        Assert.True(CancelReasonTexts.TryFromCode(code, out var reason, out _));
        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(256)]
    [InlineData(-1)]
    public void Undefined_codes_are_refused_with_the_list_of_valid_ones(int code)
    {
        Assert.False(CancelReasonTexts.TryFromCode(code, out _, out var error));
        Assert.Contains("1 (issued in error)", error);
        Assert.Contains("255 (other reason)", error);
    }
}

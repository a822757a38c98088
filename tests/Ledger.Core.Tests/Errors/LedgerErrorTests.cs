using Ledger.Core.Errors;

namespace Ledger.Core.Tests.Errors;

public class LedgerErrorTests
{
    [Fact]
    public void An_input_error_lists_every_problem()
    {
        ValidationProblem[] problems = [new("permitId", "is empty"), new("lines[0]", "line 1: amount must be positive")];
        var error = LedgerError.InvalidArgument(problems);

        Assert.Equal(LedgerErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("2 problems: permitId: is empty; lines[0]: line 1: amount must be positive", error.Message);
        Assert.Equal(problems, error.Problems);
        Assert.Equal("1 problem: permitId: is empty", LedgerError.InvalidArgument([problems[0]]).Message);
    }

    [Fact]
    public void An_input_error_needs_a_problem() =>
        Assert.Throws<ArgumentException>(() => LedgerError.InvalidArgument(Array.Empty<ValidationProblem>()));

    [Fact]
    public void A_field_error_carries_its_field()
    {
        var error = LedgerError.InvalidArgument("destination", "is CH, the issuing country itself");
        Assert.Equal("destination: is CH, the issuing country itself", error.Message);
        Assert.Equal(new ValidationProblem("destination", "is CH, the issuing country itself"), Assert.Single(error.Problems));
    }

    [Fact]
    public void The_exception_carries_the_error_and_its_message()
    {
        var error = LedgerError.Unavailable("no node answered");
        var exception = new LedgerException(error);
        Assert.Same(error, exception.Error);
        Assert.Equal(LedgerErrorKind.Unavailable, exception.Kind);
        Assert.Equal("no node answered", exception.Message);
        Assert.Equal("Unavailable: no node answered", error.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_error_needs_a_message(string message) =>
        Assert.Throws<ArgumentException>(() => LedgerError.NotFound(message));
}

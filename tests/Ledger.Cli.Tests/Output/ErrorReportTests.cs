using Grpc.Core;
using Ledger.Cli.Output;

namespace Ledger.Cli.Tests.Output;

public class ErrorReportTests
{
    // The canonical names from grpc/doc/statuscodes.md, written out independently of the enum.
    [Theory]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.Cancelled, "CANCELLED")]
    [InlineData(StatusCode.Unknown, "UNKNOWN")]
    [InlineData(StatusCode.InvalidArgument, "INVALID_ARGUMENT")]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    [InlineData(StatusCode.NotFound, "NOT_FOUND")]
    [InlineData(StatusCode.AlreadyExists, "ALREADY_EXISTS")]
    [InlineData(StatusCode.PermissionDenied, "PERMISSION_DENIED")]
    [InlineData(StatusCode.ResourceExhausted, "RESOURCE_EXHAUSTED")]
    [InlineData(StatusCode.FailedPrecondition, "FAILED_PRECONDITION")]
    [InlineData(StatusCode.Aborted, "ABORTED")]
    [InlineData(StatusCode.OutOfRange, "OUT_OF_RANGE")]
    [InlineData(StatusCode.Unimplemented, "UNIMPLEMENTED")]
    [InlineData(StatusCode.Internal, "INTERNAL")]
    [InlineData(StatusCode.Unavailable, "UNAVAILABLE")]
    [InlineData(StatusCode.DataLoss, "DATA_LOSS")]
    [InlineData(StatusCode.Unauthenticated, "UNAUTHENTICATED")]
    public void Status_names_are_the_canonical_upper_case_ones(StatusCode code, string name) =>
        Assert.Equal(name, ErrorReport.StatusName(code));

    [Fact]
    public void A_refused_call_is_one_line_with_status_and_message()
    {
        var error = new RpcException(new Status(StatusCode.FailedPrecondition, "permit CH/2026/1 is exhausted"));

        Assert.Equal("error: FAILED_PRECONDITION: permit CH/2026/1 is exhausted", ErrorReport.Line(error));
    }
}

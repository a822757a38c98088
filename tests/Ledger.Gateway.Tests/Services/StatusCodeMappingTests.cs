using Grpc.Core;
using Ledger.Core.Errors;
using Ledger.Gateway.Services;

namespace Ledger.Gateway.Tests.Services;

/// <summary>Each kind of ledger error has its own gRPC status; none falls through to INTERNAL.</summary>
public sealed class StatusCodeMappingTests
{
    [Fact]
    public void Every_error_kind_maps_to_its_own_status_code()
    {
        var codes = Enum.GetValues<LedgerErrorKind>().Select(LedgerErrorInterceptor.StatusCodeOf).ToList();

        Assert.DoesNotContain(StatusCode.Internal, codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void A_request_still_in_progress_is_aborted_as_permits_proto_says()
    {
        Assert.Equal(StatusCode.Aborted, LedgerErrorInterceptor.StatusCodeOf(LedgerErrorKind.Aborted));
        Assert.Equal(StatusCode.Unavailable, LedgerErrorInterceptor.StatusCodeOf(LedgerErrorKind.Unavailable));
    }
}

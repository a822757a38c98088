using Grpc.Core;
using Ledger.Api.V1;

namespace Ledger.Gateway.Services;

/// <summary>
/// The bind methods grpc-dotnet finds through <see cref="BindServiceMethodAttribute"/> on the
/// service classes (the attribute nearest the class wins over the generated base's): the
/// generated BindService through a <see cref="RequestParsingBinder"/>. The service parameter is
/// the generated base type: grpc-dotnet accepts it for the derived class (reflection matches
/// assignable parameters) and looks the handlers up as overrides of that type. JSON transcoding binds
/// through the same method and reads the proto descriptor from the declaring type's static
/// <c>Descriptor</c>, so each service has its own small class.
/// </summary>
internal static class PermitServiceBinding
{
    /// <summary>The service's proto descriptor (read by JSON transcoding).</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => PermitService.Descriptor;

    /// <summary>Binds ledger.v1.PermitService with guarded request parsing.</summary>
    public static void BindService(ServiceBinderBase binder, PermitService.PermitServiceBase service) =>
        PermitService.BindService(new RequestParsingBinder(binder), service);
}

/// <summary>The guarded binding of ledger.v1.AuthorityService (see <see cref="PermitServiceBinding"/>).</summary>
internal static class AuthorityServiceBinding
{
    /// <summary>The service's proto descriptor (read by JSON transcoding).</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => AuthorityService.Descriptor;

    /// <summary>Binds ledger.v1.AuthorityService with guarded request parsing.</summary>
    public static void BindService(ServiceBinderBase binder, AuthorityService.AuthorityServiceBase service) =>
        AuthorityService.BindService(new RequestParsingBinder(binder), service);
}

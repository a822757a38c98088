using System.Net;
using Grpc.Core;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Identity;

public sealed class DevHeaderIdentityResolverTests
{
    private static readonly IOptions<IdentityOptions> Identities = Options.Create(new IdentityOptions
    {
        DevIdentities = new(StringComparer.OrdinalIgnoreCase)
        {
            ["ch-issuer"] = new() { Authority = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", Role = CallerRole.IssuingOfficer },
            ["de-customs"] = new() { Authority = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", Role = CallerRole.CustomsOfficer },
        },
    });

    private static DevHeaderIdentityResolver Devnet() =>
        new(Options.Create(new GatewayOptions { Mode = GatewayMode.Devnet }), Identities);

    private static HttpContext Request(string? header, string? remote = "127.0.0.1")
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote is null ? null : IPAddress.Parse(remote);
        if (header is not null)
            context.Request.Headers[DevHeaderIdentityResolver.HeaderName] = header;
        return context;
    }

    [Fact]
    public void It_refuses_to_exist_outside_devnet_mode()
    {
        Assert.Throws<InvalidOperationException>(() =>
            new DevHeaderIdentityResolver(Options.Create(new GatewayOptions { Mode = GatewayMode.Production }), Identities));
    }

    [Fact]
    public void A_configured_name_resolves_to_its_identity_ignoring_letter_case()
    {
        var caller = Devnet().Resolve(Request("DE-Customs"));

        Assert.Equal("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", caller.AuthorityAddress);
        Assert.Equal(CallerRole.CustomsOfficer, caller.Role);
        Assert.Equal("devnet|de-customs", caller.OfficialIdentity);
    }

    [Fact]
    public void A_missing_header_is_unauthenticated_and_lists_the_names()
    {
        var error = Assert.Throws<RpcException>(() => Devnet().Resolve(Request(null)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("ch-issuer, de-customs", error.Status.Detail);
    }

    [Fact]
    public void An_unknown_name_is_permission_denied()
    {
        var error = Assert.Throws<RpcException>(() => Devnet().Resolve(Request("fr-customs")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("fr-customs", error.Status.Detail);
    }

    [Fact]
    public void A_caller_from_another_machine_is_refused_even_with_a_valid_name()
    {
        var error = Assert.Throws<RpcException>(() => Devnet().Resolve(Request("ch-issuer", remote: "192.0.2.10")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public void A_caller_whose_remote_address_is_unknown_is_refused_even_with_a_valid_name()
    {
        var error = Assert.Throws<RpcException>(() => Devnet().Resolve(Request("ch-issuer", remote: null)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("remote address is unknown", error.Status.Detail);
    }
}

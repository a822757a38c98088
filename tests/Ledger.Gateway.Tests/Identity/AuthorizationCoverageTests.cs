using Grpc.AspNetCore.Server;
using Ledger.Api.V1;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Identity.Authorization;
using Ledger.Gateway.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Gateway.Tests.Identity;

/// <summary>
/// Every gRPC method the gateway maps either declares a known authorization policy or is
/// explicitly anonymous, and only health, reflection and the peer service are anonymous (the
/// peer service answers gateways, not officers: it is served only on the peer listener and
/// authenticates the calling gateway by its pinned certificate). A method added without a
/// policy fails here (and is closed at run time by the fallback policy).
/// </summary>
public sealed class AuthorizationCoverageTests : IDisposable
{
    private readonly TemporaryDirectory _peerFiles = new();

    private static readonly string[] AnonymousServices = ["grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection"];

    [Fact]
    public async Task Every_mapped_grpc_method_has_a_policy_or_is_explicitly_anonymous()
    {
        await using var app = BuildGateway();
        var methods = GrpcEndpoints(app).ToArray();

        var unprotected = methods.Where(m => !m.Anonymous && m.Policies.Length == 0).Select(m => m.Name).ToArray();
        var unknownPolicies = methods.SelectMany(m => m.Policies).Where(p => !LedgerPolicies.Roles.ContainsKey(p)).ToArray();
        var anonymousLedgerMethods = methods.Where(m => m.Anonymous && !AnonymousServices.Contains(m.Service) && !m.PeerOnly).Select(m => m.Name).ToArray();
        var peerMethods = methods.Where(m => m.Service == PeerDocumentService.Descriptor.FullName).ToArray();

        Assert.Empty(unprotected);
        Assert.Empty(unknownPolicies);
        Assert.Empty(anonymousLedgerMethods);
        Assert.NotEmpty(peerMethods);
        Assert.All(peerMethods, m => Assert.True(m.PeerOnly, m.Name + " must be served on the peer listener only"));
    }

    [Fact]
    public async Task The_enumeration_sees_every_method_of_both_ledger_services()
    {
        await using var app = BuildGateway();
        var mapped = GrpcEndpoints(app).Select(m => m.Name).ToHashSet();

        var declared = PermitService.Descriptor.Methods.Concat(AuthorityService.Descriptor.Methods).Concat(DocumentService.Descriptor.Methods)
            .Concat(PeerDocumentService.Descriptor.Methods).Select(m => $"{m.Service.FullName}/{m.Name}").ToArray();

        Assert.NotEmpty(declared);
        Assert.All(declared, name => Assert.Contains(name, mapped));
        Assert.Contains("grpc.health.v1.Health/Check", mapped);
    }

    [Theory]
    [InlineData("ledger.v1.PermitService/RegisterPermit", LedgerPolicies.Issuer)]
    [InlineData("ledger.v1.PermitService/RecordShipment", LedgerPolicies.Customs)]
    [InlineData("ledger.v1.PermitService/VerifyPermit", LedgerPolicies.Reader)]
    [InlineData("ledger.v1.AuthorityService/VoteOnProposal", LedgerPolicies.Governance)]
    [InlineData("ledger.v1.DocumentService/FetchPermitDocument", LedgerPolicies.Documents)]
    public async Task Methods_carry_the_policy_of_their_kind_of_work(string method, string policy)
    {
        await using var app = BuildGateway();

        var found = GrpcEndpoints(app).First(m => m.Name == method);

        Assert.Equal([policy], found.Policies);
    }

    [Fact]
    public async Task The_fallback_policy_admits_only_a_mapped_caller()
    {
        await using var app = BuildGateway();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;

        var fallback = Assert.IsType<AuthorizationPolicy>(options.FallbackPolicy);

        Assert.Contains(fallback.Requirements, r => r is CallerRoleRequirement);
    }

    /// <inheritdoc />
    public void Dispose() => _peerFiles.Dispose();

    private WebApplication BuildGateway()
    {
        var ca = TestCertificates.CreateCa("CN=Coverage CA", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        TestCertificates.WritePem(TestCertificates.CreateServer(ca, "CN=gateway", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddHours(12)),
            _peerFiles.File("peer.crt"), _peerFiles.File("peer.key"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Mode"] = "Devnet",
            ["Gateway:Port"] = "0",
            ["Identity:DevIdentities:ch-issuer:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            ["Identity:DevIdentities:ch-issuer:Role"] = "IssuingOfficer",
            // A Chain section maps the ledger services; the host is never started, so no node is needed.
            ["Chain:RpcUrls:0"] = "http://127.0.0.1:9",
            ["Chain:PermitRegistry"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            ["Chain:AuthorityRegistry"] = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
            // A peer endpoint, so that the peer service's metadata is checked too (its files are read only at start).
            ["Peers:CertificateFile"] = _peerFiles.File("peer.crt"),
            ["Peers:KeyFile"] = _peerFiles.File("peer.key"),
        });
        builder.AddLedgerGateway();
        var app = builder.Build();
        app.MapLedgerGateway();
        return app;
    }

    private static IEnumerable<MappedMethod> GrpcEndpoints(WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints)
            .Select(endpoint => (endpoint, grpc: endpoint.Metadata.GetMetadata<GrpcMethodMetadata>()))
            .Where(pair => pair.grpc is not null && pair.grpc.Method.Name != "*" && !pair.grpc.Method.ServiceName.Equals("*", StringComparison.Ordinal))
            .Select(pair => new MappedMethod(
                pair.grpc!.Method.FullName.TrimStart('/'),
                pair.grpc.Method.ServiceName,
                pair.endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                pair.endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToArray(),
                pair.endpoint.Metadata.GetMetadata<Ledger.Gateway.Hosting.ServedOnListener>()?.Name == Ledger.Gateway.Peers.PeerEndpoint.ListenerName));

    private sealed record MappedMethod(string Name, string Service, bool Anonymous, string[] Policies, bool PeerOnly);
}

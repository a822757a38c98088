using System.Net;
using System.Text;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>
/// A string field holding invalid UTF-8 (a lone surrogate from a JavaScript client, a stray
/// Latin-1 byte) is refused with INVALID_ARGUMENT that says so, over gRPC and HTTP/JSON, and
/// nothing is sent.
/// </summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class Utf8InputTests(LedgerNetworkFixture network)
{
    /// <summary>U+D800 encoded as if it were a character: what a JavaScript client's lone surrogate becomes.</summary>
    private static readonly byte[] LoneSurrogate = [(byte)'C', (byte)'H', 0xED, 0xA0, 0x80];

    public static TheoryData<string> InvalidUtf8 => new() { "lone surrogate", "latin-1 byte", "truncated sequence" };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public async Task A_read_with_invalid_utf8_is_invalid_argument(string kind)
    {
        var request = RawGrpc.WithBytesInPlaceOf(new VerifyPermitRequest { PermitId = "CH/2026/MARK!" }, "MARK!", Spoiled(kind));
        var status = await RawGrpc.CallUnaryAsync(network.Channel.CreateCallInvoker(), "ledger.v1.PermitService", "VerifyPermit", request, As(Officials.Observer));
        Assert.True(status.StatusCode == StatusCode.InvalidArgument, status.ToString());
        Assert.Contains("UTF-8", status.Detail);
    }

    [Fact]
    public async Task A_write_with_invalid_utf8_deep_in_the_request_is_invalid_argument_and_sends_nothing()
    {
        var draft = Permits.ExportDraft(Permits.NewId());
        draft.DestinationCountry = "MARK!";
        var request = RawGrpc.WithBytesInPlaceOf(Permits.Register(draft), "MARK!", LoneSurrogate);
        var nonce = await network.NonceOfAsync(Officials.ChIssuer);
        var status = await RawGrpc.CallUnaryAsync(network.Channel.CreateCallInvoker(), "ledger.v1.PermitService", "RegisterPermit", request, As(Officials.ChIssuer));
        Assert.True(status.StatusCode == StatusCode.InvalidArgument, status.ToString());
        Assert.Contains("UTF-8", status.Detail);
        Assert.Equal(nonce, await network.NonceOfAsync(Officials.ChIssuer));
    }

    [Fact]
    public async Task An_authority_call_with_invalid_utf8_is_invalid_argument()
    {
        var request = RawGrpc.WithBytesInPlaceOf(new ListAuthoritiesRequest { Country = "MARK!" }, "MARK!", LoneSurrogate);
        var status = await RawGrpc.CallUnaryAsync(network.Channel.CreateCallInvoker(), "ledger.v1.AuthorityService", "ListAuthorities", request, As(Officials.Observer));
        Assert.True(status.StatusCode == StatusCode.InvalidArgument, status.ToString());
    }

    [Theory]
    [InlineData("escaped lone surrogate")]
    [InlineData("raw invalid bytes")]
    public async Task A_json_body_with_invalid_utf8_is_400_with_a_reason(string kind)
    {
        using var client = HttpClient();
        byte[] body = kind == "escaped lone surrogate"
            ? Encoding.ASCII.GetBytes("""{"permitId":"CH/2026/\ud800"}""")
            : [.. Encoding.ASCII.GetBytes("""{"permitId":"CH/2026/"""), 0xFF, .. Encoding.ASCII.GetBytes("\"}")];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/v1/permits:verify", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");

        // The same route answers a well-formed body: the 400 is about the bytes, not a missing route.
        using var valid = new StringContent("""{"permitId":"CH/2026/000001"}""", Encoding.UTF8, "application/json");
        using var answered = await client.PostAsync("/v1/permits:verify", valid);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    private HttpClient HttpClient()
    {
        var client = new HttpClient
        {
            BaseAddress = network.Gateway.Address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        client.DefaultRequestHeaders.Add("x-ledger-dev-identity", Officials.Observer);
        return client;
    }

    private static byte[] Spoiled(string kind) => kind switch
    {
        "lone surrogate" => LoneSurrogate,
        "latin-1 byte" => [(byte)'C', (byte)'H', (byte)'/', 0xE9, (byte)'1'],
        "truncated sequence" => [(byte)'C', (byte)'H', (byte)'/', (byte)'1', 0xE2],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

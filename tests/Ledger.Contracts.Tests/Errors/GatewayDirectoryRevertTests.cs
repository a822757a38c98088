using Ledger.Core.Primitives;
using Ledger.Contracts.Errors;
using Ledger.Contracts.Tests.Devnet;

namespace Ledger.Contracts.Tests.Errors;

/// <summary>
/// Every gateway-directory error, triggered for real on anvil through publishGateway and
/// decoded into its record; a refused entry leaves the directory unchanged. Test names start
/// with the error's name (<see cref="ErrorCoverageTests"/> relies on it).
/// </summary>
public sealed class GatewayDirectoryRevertTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task EmptyGatewayUrl_when_an_issuer_publishes_no_url()
    {
        var (error, _) = await ExpectRefusalAsync<EmptyGatewayUrl>(Net.IssuerCH, Net.IssuerCH.Address, "", TestData.RandomHash());
        Assert.Equal(new EmptyGatewayUrl(Net.IssuerCH.Address), error);
    }

    [Fact]
    public async Task GatewayUrlTooLong_when_an_agencys_url_is_257_bytes()
    {
        var url = "https://" + new string('a', 257 - "https://".Length);
        var (error, _) = await ExpectRefusalAsync<GatewayUrlTooLong>(Net.IssuerCH, Net.CustomsCH.Address, url, TestData.RandomHash());
        Assert.Equal(new GatewayUrlTooLong(Net.CustomsCH.Address, 257, 256), error);
    }

    [Fact]
    public async Task GatewayUrlTooLong_counts_utf8_bytes_not_characters()
    {
        // 133 characters, 257 bytes: each 'ü' is two bytes in UTF-8.
        var url = "https://x" + new string('ü', 124);
        Assert.True(url.Length < 256);
        var (error, _) = await ExpectRefusalAsync<GatewayUrlTooLong>(Net.IssuerFR, Net.IssuerFR.Address, url, TestData.RandomHash());
        Assert.Equal(new GatewayUrlTooLong(Net.IssuerFR.Address, 257, 256), error);
    }

    [Fact]
    public async Task ZeroFingerprint_when_a_gateway_is_published_without_a_certificate_hash()
    {
        var (error, _) = await ExpectRefusalAsync<ZeroFingerprint>(Net.IssuerNO, Net.CustomsNO.Address, "https://customs.no.example:5084", Bytes32.Zero);
        Assert.Equal(new ZeroFingerprint(Net.CustomsNO.Address), error);
    }

    /// <summary>The publication is refused with <typeparamref name="TError"/> and the account's entry stays as it was.</summary>
    private async Task<(TError Error, ContractErrorException Exception)> ExpectRefusalAsync<TError>(Party publisher, Address account, string url, Bytes32 fingerprint)
        where TError : ContractError
    {
        var before = await Net.Deployer.Authorities.GatewayOfAsync(account);
        var refusal = await Expect.Refusal<TError>(() => publisher.Authorities.PublishGatewayAsync(account, url, fingerprint));
        Assert.Equal(before, await Net.Deployer.Authorities.GatewayOfAsync(account));
        return refusal;
    }
}

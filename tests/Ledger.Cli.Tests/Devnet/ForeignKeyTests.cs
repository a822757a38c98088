using Grpc.Health.V1;
using Grpc.Net.Client;
using Ledger.Devnet.Hosting;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>
/// "A gateway configured with a key of another country's authority refuses to start": the
/// gateway reads its keystore accounts' profiles on the devnet's chain at startup.
/// </summary>
[Collection(DevnetCollection.Name)]
public class ForeignKeyTests(DevnetFixture fixture)
{
    [Fact]
    public async Task A_gateway_with_CHs_issuer_and_FRs_customs_keys_refuses_to_start_naming_both_countries()
    {
        var ch = fixture.Authority("ch");
        var frCustoms = fixture.Authority("fr").Accounts.Single(a => a.Identity == "fr-customs");
        var settings = SettingsOf(ch);
        var customsIndex = ch.Accounts.ToList().FindIndex(a => a.Identity == "ch-customs");
        settings[$"Chain:Keystores:{customsIndex}:Account"] = frCustoms.Address;
        settings[$"Chain:Keystores:{customsIndex}:KeystorePath"] = fixture.Authority("fr").Folder.Keystore(frCustoms.KeystoreId);
        settings[$"Chain:Keystores:{customsIndex}:PasswordFile"] = fixture.Authority("fr").Folder.KeystorePassword;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(settings));

        Assert.Contains("refuses to start", error.Message);
        Assert.Contains(Checksum(ch.Accounts[0].Address) + ": Issuer of CH, Active", error.Message);
        Assert.Contains(Checksum(frCustoms.Address) + ": Customs of FR, Active", error.Message);
    }

    [Fact]
    public async Task A_gateway_with_a_key_the_registry_does_not_know_and_no_issuer_key_refuses_to_start()
    {
        // CH's customs only: an undesignated account is accepted only beside its country's issuer.
        var full = fixture.Authority("ch");
        var ch = full with { Accounts = [.. full.Accounts.Where(a => a.Identity == "ch-customs")] };
        var stranger = Nethereum.Signer.EthECKey.GenerateKey();
        var keystore = Path.Combine(fixture.StateFolder, $"stranger-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(keystore, Ledger.Contracts.Ethereum.Keystores.Encrypt(stranger, "stranger-password", Ledger.Contracts.Ethereum.Keystores.Scrypt(1024, 8, 1)));
        var password = Path.Combine(fixture.StateFolder, $"stranger-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(password, "stranger-password\n");
        var settings = SettingsOf(ch);
        var next = ch.Accounts.Count;
        settings[$"Chain:Keystores:{next}:Account"] = stranger.GetPublicAddress();
        settings[$"Chain:Keystores:{next}:KeystorePath"] = keystore;
        settings[$"Chain:Keystores:{next}:PasswordFile"] = password;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(settings));

        Assert.Contains(Checksum(stranger.GetPublicAddress()) + ": unknown to the AuthorityRegistry", error.Message);
    }

    [Fact]
    public async Task A_gateway_with_CHs_issuer_and_customs_keys_starts_and_serves()
    {
        await using var gateway = await StartAsync(SettingsOf(fixture.Authority("ch")));

        using var channel = GrpcChannel.ForAddress(gateway.Address);
        var answer = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }

    private Dictionary<string, string?> SettingsOf(DevnetAuthority authority)
    {
        var devnet = fixture.Devnet;
        var state = Path.Combine(fixture.StateFolder, "foreign-key-" + Guid.NewGuid().ToString("N"));
        var settings = GatewayConfiguration.Build(authority, 0, devnet.RpcUrl, devnet.Registries.Addresses, devnet.Redis, state);
        // Its own Redis prefix: the devnet's CH gateway runs beside it.
        settings["Stores:KeyPrefix"] = $"fk-{Guid.NewGuid():N}"[..24] + ":";
        return settings;
    }

    private static async Task<InProcessGateway> StartAsync(Dictionary<string, string?> settings)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await InProcessGateway.StartAsync(settings, timeout.Token);
    }

    private static string Checksum(string address) => Ledger.Core.Primitives.Address.Parse(address).ToChecksumHex();
}

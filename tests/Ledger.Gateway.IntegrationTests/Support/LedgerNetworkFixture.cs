using Grpc.Core;
using Grpc.Net.Client;
using Ledger.Api.V1;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Nethereum.RPC.Eth.DTOs;
using Ledger.Gateway.Tests.Support;
using Ledger.Testing;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>
/// One network for the integration tests: anvil (0.2 s blocks), both contracts deployed,
/// redis-server on a free port, encrypted keystores for every authority account, and the
/// gateway in-process on 127.0.0.1:0 in Devnet mode. Tests use fresh permit IDs, so they
/// share it without seeing each other. A derived fixture may start anvil and the gateway
/// differently (see <see cref="AnvilOptions"/> and <see cref="AdjustSettings"/>).
/// </summary>
public class LedgerNetworkFixture : IAsyncLifetime
{
    /// <summary>The keystores' password: it must never appear in a log line.</summary>
    public const string Password = "integration-test-password";
    private readonly string _directory = Directory.CreateTempSubdirectory("ledger-gateway-it-").FullName;
    private AnvilDevnet? _devnet;
    private RedisServer? _redis;
    private GatewayHost? _gateway;
    private GrpcChannel? _channel;

    /// <summary>The fixture's own temporary folder (deleted with it), for files a derived fixture writes.</summary>
    protected string WorkDirectory => _directory;

    /// <summary>The chain.</summary>
    public AnvilDevnet Devnet => _devnet!;

    /// <summary>The Redis server the gateway uses.</summary>
    public RedisServer Redis => _redis!;

    /// <summary>The running gateway.</summary>
    public GatewayHost Gateway => _gateway!;

    /// <summary>The PermitRegistry contract.</summary>
    public Address PermitRegistry { get; private set; }

    /// <summary>The AuthorityRegistry contract.</summary>
    public Address AuthorityRegistry { get; private set; }

    /// <summary>Where the deployment record is written; the gateway finds the contracts through it.</summary>
    public string DeploymentRecordFile => Path.Combine(_directory, "deployment.json");

    /// <summary>The permit service client.</summary>
    public PermitService.PermitServiceClient Permits { get; private set; } = null!;

    /// <summary>The authority service client.</summary>
    public AuthorityService.AuthorityServiceClient Authorities { get; private set; } = null!;

    /// <summary>The gRPC channel to the gateway (for hand-built calls).</summary>
    public GrpcChannel Channel => _channel!;

    /// <summary>How anvil is started: 0.2 s interval mining.</summary>
    protected virtual AnvilDevnetOptions AnvilOptions => new() { BlockTime = TimeSpan.FromSeconds(0.2) };

    /// <summary>The gateway's configuration (to start a second gateway on the same chain and Redis).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _devnet = await AnvilDevnet.StartAsync(AnvilOptions);
        var record = await LedgerDeployment.DeployAsync(_devnet);
        (PermitRegistry, AuthorityRegistry) = (record.PermitRegistry.Address, record.AuthorityRegistry.Address);
        await record.WriteAsync(DeploymentRecordFile);
        _redis = await RedisServer.StartAsync();
        WriteSettings();
        _gateway = await GatewayHost.StartAsync(Settings);
        _channel = GrpcChannel.ForAddress(_gateway.Address);
        Permits = new PermitService.PermitServiceClient(_channel);
        Authorities = new AuthorityService.AuthorityServiceClient(_channel);
    }

    /// <summary>Call options naming <paramref name="official"/> (see <see cref="Officials"/>).</summary>
    public static CallOptions As(string official) =>
        new(new Metadata { { "x-ledger-dev-identity", official } });

    /// <summary>The authority account <paramref name="official"/> acts for.</summary>
    public Address AccountOf(string official) => Devnet.Accounts[Officials.All[official].Account].Address;

    /// <summary>A copy of <see cref="Settings"/> whose only keystore is <paramref name="official"/>'s: a gateway of that one authority.</summary>
    public Dictionary<string, string?> SettingsWithOnlyKeystoreOf(string official)
    {
        const string prefix = "Chain:Keystores:";
        var account = AccountOf(official).ToChecksumHex();
        var index = Settings.Single(s => s.Key.StartsWith(prefix, StringComparison.Ordinal) && s.Key.EndsWith(":Account", StringComparison.Ordinal)
            && string.Equals(s.Value, account, StringComparison.OrdinalIgnoreCase)).Key.Split(':')[2];
        var settings = Settings.Where(s => !s.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary();
        foreach (var field in new[] { "Account", "KeystorePath", "PasswordFile" })
            settings[$"{prefix}0:{field}"] = Settings[$"{prefix}{index}:{field}"];
        return settings;
    }

    /// <summary>Transactions sent so far by <paramref name="official"/>'s authority (pending included).</summary>
    public Task<ulong> NonceOfAsync(string official) =>
        Devnet.Client.GetTransactionCountAsync(AccountOf(official), BlockParameter.CreatePending());

    /// <summary>Changes the gateway's settings before it starts.</summary>
    protected virtual void AdjustSettings(Dictionary<string, string?> settings)
    {
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        if (_redis is not null)
            await _redis.DisposeAsync();
        if (_devnet is not null)
            await _devnet.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private void WriteSettings()
    {
        Settings["Gateway:Mode"] = "Devnet";
        Settings["Gateway:ListenAddress"] = "127.0.0.1";
        Settings["Gateway:Port"] = "0";
        Settings["Redis:Configuration"] = _redis!.Configuration;
        Settings["Stores:KeyPrefix"] = $"it-{Guid.NewGuid():N}"[..24] + ":";
        Settings["Chain:RpcUrls:0"] = _devnet!.RpcUrl.ToString();
        Settings["Chain:DeploymentRecordFile"] = DeploymentRecordFile;
        Settings["Chain:ReceiptPollInterval"] = "00:00:00.050";
        Settings["Chain:FollowerPollInterval"] = "00:00:00.100";
        Settings["Health:Node:BlockPeriod"] = "00:00:00.200";
        Settings["Health:Node:ProbeInterval"] = "00:00:00.200";
        // One gateway plays every country here (the devnet tests run one gateway per authority).
        Settings["Chain:TestOnlyAllowKeysOfSeveralCountries"] = "true";
        // The issuer's document store, as a Production gateway has it by default.
        var documentKey = Path.Combine(_directory, "documents.key");
        File.WriteAllText(documentKey, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) + "\n");
        Settings["Documents:SqlitePath"] = Path.Combine(_directory, "documents.sqlite");
        Settings["Documents:KeyFiles:it-1"] = documentKey;
        var passwordFile = Path.Combine(_directory, "password.txt");
        File.WriteAllText(passwordFile, Password + "\n");
        var keystores = 0;
        foreach (var (official, (account, role)) in Officials.All)
        {
            Settings[$"Identity:DevIdentities:{official}:Authority"] = _devnet.Accounts[account].Address.ToChecksumHex();
            Settings[$"Identity:DevIdentities:{official}:Role"] = role;
            if (role == "ReadOnly")
                continue;
            var key = _devnet.Accounts[account].Key();
            var path = Path.Combine(_directory, $"{official}.json");
            // Small scrypt cost: the tests check wiring, not key stretching.
            File.WriteAllText(path, Keystores.Encrypt(key, Password, Keystores.Scrypt(1024, 8, 1)));
            Settings[$"Chain:Keystores:{keystores}:Account"] = key.AddressOf().ToChecksumHex();
            Settings[$"Chain:Keystores:{keystores}:KeystorePath"] = path;
            Settings[$"Chain:Keystores:{keystores}:PasswordFile"] = passwordFile;
            keystores++;
        }
        AdjustSettings(Settings);
    }
}

/// <summary>Tests sharing one <see cref="LedgerNetworkFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class LedgerNetworkCollection : ICollectionFixture<LedgerNetworkFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Ledger network";
}

using Ledger.Core.Primitives;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Chain;

/// <summary>Checks the <c>Chain</c> section at startup so that a bad value stops the host with its key.</summary>
/// <param name="gateway">
/// The gateway's mode: in Production the test-only keyring option is refused, and so is plain HTTP
/// to another machine's node unless the operator declares that link private.
/// </param>
public sealed class GatewayChainOptionsValidator(IOptions<Hosting.GatewayOptions> gateway) : IValidateOptions<GatewayChainOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GatewayChainOptions options)
    {
        var problems = new List<string>();
        if (options.RpcUrls.Count == 0)
            problems.Add("Chain:RpcUrls lists no node; give at least one JSON-RPC URL (e.g. http://127.0.0.1:8545).");
        for (var i = 0; i < options.RpcUrls.Count; i++)
        {
            if (!Uri.TryCreate(options.RpcUrls[i], UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                problems.Add($"Chain:RpcUrls:{i} is not an http(s) URL.");
        }
        if (gateway.Value.Mode == Hosting.GatewayMode.Production && !options.AllowPlaintextRpcOnPrivateNetwork)
        {
            foreach (var (index, node) in Hosting.PlaintextLinks.OffMachineRpc(options.RpcUrls))
                problems.Add(
                    $"Chain:RpcUrls:{index} ({node}) is plain HTTP to another machine: whoever sits on that link can forge the node's answers, " +
                    "a VALID permit included. Use https (Besu's rpc-http-tls-* options) or a node on this machine (loopback); if the link is a " +
                    $"private network only this authority's own machines share, declare it with Chain:{nameof(GatewayChainOptions.AllowPlaintextRpcOnPrivateNetwork)}=true.");
        }

        var hasRecord = !string.IsNullOrWhiteSpace(options.DeploymentRecordFile);
        CheckContract(problems, nameof(options.PermitRegistry), options.PermitRegistry, hasRecord);
        CheckContract(problems, nameof(options.AuthorityRegistry), options.AuthorityRegistry, hasRecord);
        if (hasRecord && !File.Exists(options.DeploymentRecordFile))
            problems.Add($"Chain:DeploymentRecordFile '{options.DeploymentRecordFile}' does not exist.");

        if (options.Confirmations is < 0 or > 1_000)
            problems.Add($"Chain:Confirmations {options.Confirmations} must be between 0 and 1000 blocks.");
        CheckInterval(problems, nameof(options.FollowerPollInterval), options.FollowerPollInterval);
        CheckInterval(problems, nameof(options.ReceiptPollInterval), options.ReceiptPollInterval);
        CheckInterval(problems, nameof(options.ReceiptTimeout), options.ReceiptTimeout);

        var accounts = new HashSet<Address>();
        for (var i = 0; i < options.Keystores.Count; i++)
            CheckKeystore(problems, $"Chain:Keystores:{i}", options.Keystores[i], accounts);
        if (options.TestOnlyAllowKeysOfSeveralCountries && gateway.Value.Mode == Hosting.GatewayMode.Production)
            problems.Add("Chain:TestOnlyAllowKeysOfSeveralCountries is for tests on a devnet gateway: a production gateway signs only for its own authority and its agencies. Remove it.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckContract(List<string> problems, string key, string? address, bool hasRecord)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            if (!hasRecord)
                problems.Add($"Chain:{key} is empty and no Chain:DeploymentRecordFile is given; set one of them.");
            return;
        }
        if (!Address.TryParse(address.Trim(), out _, out var error))
            problems.Add($"Chain:{key} is not a contract address: {error}");
    }

    private static void CheckInterval(List<string> problems, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
            problems.Add($"Chain:{key} {value} must be above 0 and at most one hour.");
    }

    private static void CheckKeystore(List<string> problems, string key, KeystoreEntryOptions entry, HashSet<Address> accounts)
    {
        if (!Address.TryParse(entry.Account?.Trim(), out var account, out var error))
            problems.Add($"{key}:Account is not an account address: {error}");
        else if (!accounts.Add(account))
            problems.Add($"{key}:Account {account} is listed twice; one key per account.");
        if (string.IsNullOrWhiteSpace(entry.KeystorePath))
            problems.Add($"{key}:KeystorePath is empty.");
        var hasFile = !string.IsNullOrWhiteSpace(entry.PasswordFile);
        var hasEnv = !string.IsNullOrWhiteSpace(entry.PasswordEnv);
        if (hasFile == hasEnv)
            problems.Add($"{key} needs exactly one of PasswordFile or PasswordEnv.");
    }
}

using Ledger.Devnet.Chain;

namespace Ledger.Devnet.Hosting;

/// <summary>The banner printed once the devnet runs: a loud devnet warning and commands to try.</summary>
public static class HowToTry
{
    /// <summary>The text for a running devnet.</summary>
    public static string Text(RunningDevnet devnet)
    {
        var gateway = devnet.GatewayAddress.ToString().TrimEnd('/');
        var ledger = "dotnet run --project src/Ledger.Cli --";
        var identities = string.Join(", ", devnet.Keyring.Authorities.Select(a => $"{a.Identity} ({a.Address})").Append(GatewayConfiguration.ReadOnlyIdentity));
        return $"""

            ==============================================================================
              DEVNET - NOT FOR REAL PERMITS
              Plain HTTP/2 on loopback, no TLS; callers claim identities by header and
              nothing checks the claim. Keystores use the dev password printed below.
            ==============================================================================
              gateway            {gateway}
              chain (anvil)      {devnet.RpcUrl}
              redis              {devnet.Redis ?? "none (in-memory stores)"}
              AuthorityRegistry  {devnet.Deployment.AuthorityRegistry.Address}
              PermitRegistry     {devnet.Deployment.PermitRegistry.Address}
              deployment record  {devnet.DeploymentRecordFile}
              keystores          {devnet.Keyring.Folder} (password: {DevnetKeyring.DevPassword})
              identities         {identities}

            Try it (another terminal, in the repository):
              {ledger} --gateway {gateway} demo
              {ledger} --gateway {gateway} --identity fr-customs permit verify CH/2026/000123
              {ledger} --gateway {gateway} --identity readonly authority list
              curl -s --http2-prior-knowledge -H 'x-ledger-dev-identity: fr-customs' \
                '{gateway}/v1/permits:verify?permit_id=CH/2026/000123'

            Ctrl-C stops the gateway, anvil and redis.
            """;
    }
}

using System.Text;
using Ledger.Network.Generation;

namespace Ledger.Devnet.Hosting;

/// <summary>The banner printed once the devnet runs: a loud devnet warning, every gateway and whom it serves, commands to try.</summary>
public static class HowToTry
{
    /// <summary>The text for a running devnet.</summary>
    public static string Text(RunningDevnet devnet)
    {
        ArgumentNullException.ThrowIfNull(devnet);
        var ledger = "dotnet run --project src/Ledger.Cli --";
        var gateways = new StringBuilder();
        foreach (var authority in devnet.Authorities)
        {
            var identities = string.Join(", ", authority.Accounts.Select(a => a.Identity).Append(authority.ObserverIdentity));
            gateways.Append("  gateway ").Append(authority.Id.PadRight(4)).Append(' ').Append(authority.Country).Append("  ")
                .Append(devnet.Gateways[authority.Id].ToString().TrimEnd('/')).Append("  serves ").Append(identities);
            if (devnet.PeerEndpoints.TryGetValue(authority.Id, out var peer))
                gateways.Append("  (peer endpoint ").Append(peer.ToString().TrimEnd('/')).Append(", published on chain)");
            gateways.Append('\n');
            if (devnet.Consoles.TryGetValue(authority.Id, out var console))
                gateways.Append("       web console ").Append(console).Append(" (pick an identity in the browser)").Append('\n');
        }
        var ch = devnet.Authorities[0];
        var fr = devnet.Authorities.Count > 1 ? devnet.Authorities[1] : ch;
        var frGateway = devnet.Gateways[fr.Id].ToString().TrimEnd('/');
        return $"""

            ==============================================================================
              DEVNET - NOT FOR REAL PERMITS
              Plain HTTP/2 on loopback, no TLS; officers claim identities by header and
              nothing checks the claim. Every key is derived from a public seed.
            ==============================================================================
              network            {devnet.Network.Name} (chain {devnet.Network.ChainId}), {devnet.Layout.Root}
              chain (anvil)      {devnet.RpcUrl}
              redis              {devnet.Redis ?? "none (in-memory stores)"}
              AuthorityRegistry  {devnet.Registries.AuthorityRegistry} (validators: getValidators())
              PermitRegistry     {devnet.Registries.PermitRegistry}
              keystore password  {NetworkGenerator.DevnetKeystorePassword}
            {gateways}
            Each gateway holds only its own authority's keys. Try it (another terminal, in the repository):
              {ledger} demo                       (each officer at its own gateway: {devnet.GatewayListFile})
              {ledger} --gateway {frGateway} --identity {fr.CustomsIdentity ?? fr.ObserverIdentity} permit verify {ch.Country}/2026/000123
              {ledger} --gateway {frGateway} --identity {fr.ObserverIdentity} authority list
              {ledger} --gateway {frGateway} --identity {fr.CustomsIdentity ?? fr.IssuerIdentity} permit document {ch.Country}/2026/000123 --out permit.xml
              {ledger} --gateway {frGateway} conformance --country {fr.Country} --issuer {fr.IssuerIdentity} --customs {fr.CustomsIdentity}
              curl -s --http2-prior-knowledge -H 'x-ledger-dev-identity: {fr.ObserverIdentity}' \
                '{frGateway}/v1/permits:verify?permit_id={ch.Country}/2026/000123'

            Ctrl-C stops the gateways, anvil and redis.
            """;
    }
}

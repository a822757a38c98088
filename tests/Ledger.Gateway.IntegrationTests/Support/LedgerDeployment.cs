using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts;
using Ledger.Contracts.Deployment;
using Ledger.Testing;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>
/// Deploys both contracts with Ledger.Contracts' <see cref="LedgerDeployer"/> (founding issuers
/// CH, FR, NO) and has each issuer designate its customs of <see cref="Officials"/>.
/// </summary>
public static class LedgerDeployment
{
    /// <summary>Deploys, designates the customs and returns the deployment record.</summary>
    /// <summary>A founder's validator node: an address from its label (anvil checks no block signatures, so no key is needed).</summary>
    public static Address NodeOf(string label) =>
        new(Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("node:" + label)).AsSpan(12));

    public static async Task<DeploymentRecord> DeployAsync(AnvilDevnet devnet)
    {
        var accounts = devnet.Accounts;
        var deployer = new LedgerDeployer(devnet.Client, await SenderAsync(devnet, 0));
        var record = await deployer.DeployAsync(
        [
            new FoundingIssuer(accounts[0].Address, CountryBytes.FromCode("CH"), AuthorityCode.FromText("BAFU"), NodeOf("CH")),
            new FoundingIssuer(accounts[1].Address, CountryBytes.FromCode("FR"), AuthorityCode.FromText("DGDDI-MA"), NodeOf("FR")),
            new FoundingIssuer(accounts[2].Address, CountryBytes.FromCode("NO"), AuthorityCode.FromText("MDIR"), NodeOf("NO")),
        ]);
        foreach (var (issuer, customs, code) in new[] { (0, 3, "CH-CUSTOMS-A"), (0, 4, "CH-CUSTOMS-B"), (1, 5, "FR-CUSTOMS"), (2, 6, "NO-CUSTOMS") })
        {
            var registry = record.BindAuthorityRegistry(devnet.Client, await SenderAsync(devnet, issuer));
            await registry.DesignateAsync(accounts[customs].Address, AuthorityKind.Customs, AuthorityCode.FromText(code));
        }
        return record;
    }

    private static async Task<TransactionSender> SenderAsync(AnvilDevnet devnet, int account) =>
        await TransactionSender.CreateAsync(
            devnet.Client,
            devnet.Accounts[account].Key(),
            new TransactionSenderOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(50) });
}

using System.Text.Json;
using Ledger.Chain.Abi;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Sending;
using Ledger.Testing;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>
/// Deploys AuthorityRegistry (founding issuers CH, FR, NO) and PermitRegistry from the
/// committed artifacts, and has each issuer designate its customs, with plain transactions.
/// </summary>
public static class LedgerDeployment
{
    /// <summary>Deploys both contracts and designates the customs of <see cref="Officials"/>; returns (permit registry, authority registry).</summary>
    public static async Task<(Address PermitRegistry, Address AuthorityRegistry)> DeployAsync(AnvilDevnet devnet)
    {
        var accounts = devnet.Accounts;
        var authorityAbi = Artifact("AuthorityRegistry", out var authorityCode);
        var permitAbi = Artifact("PermitRegistry", out var permitCode);

        var founders = new[] { accounts[0].Address, accounts[1].Address, accounts[2].Address };
        var countries = new[] { "CH"u8.ToArray(), "FR"u8.ToArray(), "NO"u8.ToArray() };
        var codes = new[] { Code("BAFU"), Code("DGDDI-MA"), Code("MDIR") };
        var deployer = await SenderAsync(devnet, 0);
        var authority = await deployer.SendAsync(new TransactionRequest(
            null, authorityAbi.Constructor!.EncodeDeployment(authorityCode, founders, countries, codes)));
        var authorityAddress = authority.Receipt.ContractAddress!.Value;
        var permit = await deployer.SendAsync(new TransactionRequest(
            null, permitAbi.Constructor!.EncodeDeployment(permitCode, authorityAddress)));
        var permitAddress = permit.Receipt.ContractAddress!.Value;

        var designate = authorityAbi.GetFunction("designate");
        const byte customsKind = 2;
        foreach (var (issuer, customs, code) in new[] { (0, 3, "CH-CUSTOMS-A"), (0, 4, "CH-CUSTOMS-B"), (1, 5, "FR-CUSTOMS"), (2, 6, "NO-CUSTOMS") })
        {
            var sender = await SenderAsync(devnet, issuer);
            await sender.SendAsync(new TransactionRequest(authorityAddress, designate.EncodeCall(accounts[customs].Address, customsKind, Code(code))));
        }
        return (permitAddress, authorityAddress);
    }

    private static async Task<TransactionSender> SenderAsync(AnvilDevnet devnet, int account) =>
        await TransactionSender.CreateAsync(
            devnet.Client,
            PrivateKey.FromBytes(devnet.Accounts[account].PrivateKey()),
            new TransactionSenderOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(50) });

    private static byte[] Code(string text)
    {
        var code = new byte[32];
        System.Text.Encoding.ASCII.GetBytes(text).CopyTo(code, 0);
        return code;
    }

    private static ContractAbi Artifact(string name, out byte[] bytecode)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Artifacts", name + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        bytecode = Hex.Decode(document.RootElement.GetProperty("bytecode").GetString()!);
        return ContractAbi.Parse(document.RootElement.GetProperty("abi").GetRawText());
    }
}

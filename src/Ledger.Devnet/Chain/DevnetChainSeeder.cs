using System.Globalization;
using System.Numerics;
using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Deployment;
using Nethereum.JsonRpc.Client;
using Nethereum.Signer;
using Nethereum.Web3;

namespace Ledger.Devnet.Chain;

/// <summary>
/// Deploys the contracts through Ledger.Contracts' <see cref="LedgerDeployer"/> (CH and FR as
/// founding issuers), then seeds the demo through the typed AuthorityRegistry binding: each
/// founder designates its customs, CH proposes NO as a new issuer and FR votes; with two
/// active issuers the contract's strict majority is 2, and the proposer's own vote counts,
/// so FR's vote executes the admission.
/// </summary>
public sealed class DevnetChainSeeder(IClient rpc, DevnetKeyring keyring, TextWriter log)
{
    private static readonly BigInteger DevFunds = BigInteger.Pow(10, 24);
    private static readonly TransactionSenderOptions Fast = new() { ReceiptPollInterval = TimeSpan.FromMilliseconds(100) };

    /// <summary>Funds the accounts, deploys, seeds and returns the deployment record.</summary>
    public async Task<DeploymentRecord> RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var chainId = (ulong)(await new Web3(rpc).Eth.ChainId.SendRequestAsync()).Value;
        foreach (var key in keyring.Authorities.Select(authority => authority.Key).Append(keyring.Deployer))
            await rpc.SendRequestAsync("anvil_setBalance", null, key.AddressOf().ToLowerHex(), "0x" + DevFunds.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'));

        var founders = keyring.Authorities.Where(a => a.Kind == DevnetAuthorityKind.FoundingIssuer).ToArray();
        var record = await new LedgerDeployer(rpc, Sender(keyring.Deployer, chainId)).DeployAsync(
            founders.Select(f => new FoundingIssuer(f.Address, CountryBytes.FromCode(f.Country), AuthorityCode.FromText(f.Code), NodeOf(f))).ToArray(),
            cancellationToken);
        await log.WriteLineAsync($"deployed AuthorityRegistry at {record.AuthorityRegistry.Address} (founders: {string.Join(", ", founders.Select(f => f.Identity))})");
        await log.WriteLineAsync($"deployed PermitRegistry    at {record.PermitRegistry.Address}");

        foreach (var customs in keyring.Authorities.Where(a => a.Kind == DevnetAuthorityKind.Customs))
        {
            var issuer = founders.Single(f => f.Country == customs.Country);
            await Registry(record, issuer, chainId).DesignateAsync(customs.Address, AuthorityKind.Customs, AuthorityCode.FromText(customs.Code), cancellationToken);
            await log.WriteLineAsync($"{issuer.Identity} designated {customs.Identity} ({customs.Address})");
        }
        foreach (var newcomer in keyring.Authorities.Where(a => a.Kind == DevnetAuthorityKind.VotedIssuer))
            await AdmitByVoteAsync(record, newcomer, founders, chainId, cancellationToken);
        return record;
    }

    private async Task AdmitByVoteAsync(
        DeploymentRecord record, DevnetAuthority newcomer, DevnetAuthority[] founders, ulong chainId, CancellationToken cancellationToken)
    {
        var proposer = founders[0];
        var proposal = await Registry(record, proposer, chainId).ProposeIssuerAsync(
            newcomer.Address, CountryBytes.FromCode(newcomer.Country), AuthorityCode.FromText(newcomer.Code), NodeOf(newcomer), cancellationToken);
        var proposalId = proposal.Value;
        await log.WriteLineAsync($"{proposer.Identity} proposed {newcomer.Identity} as issuer (proposal {proposalId}; its own vote counts)");
        foreach (var voter in founders.Skip(1))
        {
            await Registry(record, voter, chainId).VoteAsync(proposalId, cancellationToken);
            await log.WriteLineAsync($"{voter.Identity} voted for proposal {proposalId}");
        }
        var profile = await record.BindAuthorityRegistry(rpc).ProfileOfAsync(newcomer.Address, cancellationToken: cancellationToken);
        if (profile.Kind != AuthorityKind.Issuer || profile.Status != AuthorityStatus.Active)
            throw new InvalidOperationException($"{newcomer.Identity} was not admitted as issuer by the vote.");
        await log.WriteLineAsync($"{newcomer.Identity} admitted as issuer by majority vote");
    }

    // anvil checks no block signatures, so a devnet validator node needs an address but no key.
    private static Address NodeOf(DevnetAuthority authority) =>
        new(Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("node:" + authority.Identity)).AsSpan(12));

    private AuthorityRegistryContract Registry(DeploymentRecord record, DevnetAuthority sender, ulong chainId) =>
        record.BindAuthorityRegistry(rpc, Sender(sender.Key, chainId));

    private TransactionSender Sender(EthECKey key, ulong chainId) => new(rpc, key, chainId, Fast);
}

using System.Numerics;
using System.Text;
using Ledger.Chain.Abi;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Chain.Sending;

namespace Ledger.Devnet.Chain;

/// <summary>
/// Deploys AuthorityRegistry (CH and FR as founding issuers) and PermitRegistry, then seeds
/// the demo: each founder designates its customs, CH proposes NO as a new issuer and FR
/// votes; with two active issuers the contract's strict majority is 2, and the proposer's
/// own vote counts, so FR's vote executes the admission.
/// </summary>
public sealed class DevnetChainSeeder(IRpcClient rpc, DevnetKeyring keyring, string repositoryRoot, TextWriter log)
{
    private const byte CustomsKind = 2;
    private static readonly BigInteger DevFunds = BigInteger.Pow(10, 24);
    private static readonly TransactionSenderOptions Fast = new() { ReceiptPollInterval = TimeSpan.FromMilliseconds(100) };

    /// <summary>Funds the accounts, deploys, seeds and returns where the contracts are.</summary>
    public async Task<DeploymentRecord> RunAsync(CancellationToken cancellationToken)
    {
        var chainId = await rpc.GetChainIdAsync(cancellationToken);
        foreach (var key in keyring.Authorities.Select(authority => authority.Key).Append(keyring.Deployer))
            await rpc.SendAsync("anvil_setBalance", [Hex.Encode(key.Address.Bytes), "0x" + DevFunds.ToString("x", System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);

        var authorityArtifact = ContractArtifactFile.Read(repositoryRoot, "AuthorityRegistry");
        var permitArtifact = ContractArtifactFile.Read(repositoryRoot, "PermitRegistry");
        var founders = keyring.Authorities.Where(a => a.Kind == DevnetAuthorityKind.FoundingIssuer).ToArray();
        var deployer = Sender(keyring.Deployer, chainId);
        var authorityDeployment = await DeployAsync(deployer, authorityArtifact, cancellationToken,
            founders.Select(f => (object?)f.Key.Address).ToArray(),
            founders.Select(f => (object?)Country(f.Country)).ToArray(),
            founders.Select(f => (object?)Code(f.Code)).ToArray());
        var authorityRegistry = authorityDeployment.Receipt.ContractAddress!.Value;
        var permitDeployment = await DeployAsync(deployer, permitArtifact, cancellationToken, authorityRegistry);
        var permitRegistry = permitDeployment.Receipt.ContractAddress!.Value;
        await log.WriteLineAsync($"deployed AuthorityRegistry at {authorityRegistry} (founders: {string.Join(", ", founders.Select(f => f.Identity))})");
        await log.WriteLineAsync($"deployed PermitRegistry    at {permitRegistry}");

        var abi = authorityArtifact.Abi;
        foreach (var customs in keyring.Authorities.Where(a => a.Kind == DevnetAuthorityKind.Customs))
        {
            var issuer = founders.Single(f => f.Country == customs.Country);
            await CallAsync(issuer, chainId, authorityRegistry, abi.GetFunction("designate").EncodeCall(customs.Key.Address, CustomsKind, Code(customs.Code)), cancellationToken);
            await log.WriteLineAsync($"{issuer.Identity} designated {customs.Identity} ({customs.Key.Address})");
        }
        foreach (var newcomer in keyring.Authorities.Where(a => a.Kind == DevnetAuthorityKind.VotedIssuer))
            await AdmitByVoteAsync(newcomer, founders, chainId, authorityRegistry, abi, cancellationToken);

        return new DeploymentRecord(chainId, authorityRegistry.ToString(), permitRegistry.ToString(), authorityDeployment.Receipt.BlockNumber);
    }

    private async Task AdmitByVoteAsync(
        DevnetAuthority newcomer, DevnetAuthority[] founders, ulong chainId, Address registry, ContractAbi abi, CancellationToken cancellationToken)
    {
        var proposer = founders[0];
        await CallAsync(proposer, chainId, registry,
            abi.GetFunction("proposeIssuer").EncodeCall(newcomer.Key.Address, Country(newcomer.Country), Code(newcomer.Code)), cancellationToken);
        var count = abi.GetFunction("proposalCount");
        var proposalId = count.DecodeOutput(await rpc.CallAsync(new CallRequest { To = registry, Data = count.EncodeCall() }, cancellationToken: cancellationToken)).Get<BigInteger>(0);
        await log.WriteLineAsync($"{proposer.Identity} proposed {newcomer.Identity} as issuer (proposal {proposalId}; its own vote counts)");
        foreach (var voter in founders.Skip(1))
        {
            await CallAsync(voter, chainId, registry, abi.GetFunction("vote").EncodeCall(proposalId), cancellationToken);
            await log.WriteLineAsync($"{voter.Identity} voted for proposal {proposalId}");
        }
        var authorityOf = abi.GetFunction("authorityOf");
        var state = authorityOf.DecodeOutput(await rpc.CallAsync(
            new CallRequest { To = registry, Data = authorityOf.EncodeCall(newcomer.Key.Address) }, cancellationToken: cancellationToken));
        if (state[0] is not AbiTuple { Count: > 0 } authority || authority.Get<BigInteger>("kind") != 1)
            throw new InvalidOperationException($"{newcomer.Identity} was not admitted as issuer by the vote.");
        await log.WriteLineAsync($"{newcomer.Identity} admitted as issuer by majority vote");
    }

    private TransactionSender Sender(PrivateKey key, ulong chainId) => new(rpc, key, chainId, Fast);

    private static async Task<TransactionOutcome> DeployAsync(
        TransactionSender deployer, ContractArtifactFile artifact, CancellationToken cancellationToken, params object?[] arguments)
    {
        var constructor = artifact.Abi.Constructor ?? throw new InvalidDataException($"{artifact.Name} has no constructor in its ABI.");
        return await deployer.SendAsync(new TransactionRequest(null, constructor.EncodeDeployment(artifact.Bytecode, arguments)), cancellationToken);
    }

    private Task<TransactionOutcome> CallAsync(DevnetAuthority from, ulong chainId, Address contract, byte[] data, CancellationToken cancellationToken) =>
        Sender(from.Key, chainId).SendAsync(new TransactionRequest(contract, data), cancellationToken);

    private static byte[] Country(string code) => Encoding.ASCII.GetBytes(code);

    private static byte[] Code(string code)
    {
        var bytes = new byte[32];
        Encoding.ASCII.GetBytes(code).CopyTo(bytes, 0);
        return bytes;
    }
}

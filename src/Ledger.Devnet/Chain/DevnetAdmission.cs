using Ledger.Api.V1;
using Ledger.Cli.Connection;
using Ledger.Contracts.Authorities;
using Ledger.Core.Primitives;
using Ledger.Devnet.Hosting;
using Ledger.Network.Definition;
using Ledger.Network.Generation;
using Ledger.Network.Keys;
using Nethereum.JsonRpc.Client;

namespace Ledger.Devnet.Chain;

/// <summary>
/// Onboarding as the network does it, on the devnet: Norway's management authority generates
/// its own keys (`ledger network join`), CH's issuer proposes it with its validator node through
/// CH's gateway, the other founders vote through theirs until the majority, its node appears in
/// getValidators(), and its own gateway starts with only its keys and designates its customs.
/// </summary>
public sealed class DevnetAdmission(RunningDevnet devnet, TextWriter output) : IDisposable
{
    /// <summary>The newcomer, as `ledger network join` is told about it.</summary>
    public static readonly AuthorityDefinition Newcomer = new()
    {
        Id = "no",
        Country = "NO",
        Code = "NO-MDIR",
        Agencies = [new AgencyDefinition { Id = "no-customs", Kind = AgencyKind.Customs, Code = "NO-TOLL" }],
    };

    private readonly Dictionary<string, GatewayClients> _clients = new(StringComparer.Ordinal);

    /// <summary>Runs the admission; returns the newcomer's node and whether it validates and its gateway serves.</summary>
    public async Task<(string Node, bool Admitted)> RunAsync(CancellationToken cancellationToken)
    {
        var folder = new AuthorityFolder(Path.Combine(devnet.StateFolder, "join", Newcomer.Id));
        var keys = KeySource.Seeded(devnet.Network.DevnetSeed + "/join");
        // As `ledger network join --rpc` does: the next free index in the address plan, read from the registry.
        var index = await NewcomerIndex.ReadAsync(devnet.Registries, new RpcClient(devnet.RpcUrl), cancellationToken);
        var proposal = NetworkJoin.Generate(devnet.Registries, Newcomer, index, keys, NetworkGenerator.DevnetKeystorePassword, folder.Folder);
        await output.WriteLineAsync($"{Newcomer.Id} ran `ledger network join`: account {proposal.Account}, validator node {proposal.Node}");

        var founders = devnet.Authorities.Where(a => devnet.Network.Authorities.Any(f => f.Id == a.Id)).ToArray();
        var proposer = founders[0];
        var opened = await Issuer(proposer).Authorities.ProposeIssuerAsync(new ProposeIssuerRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), Address = proposal.Account, Country = proposal.Country, Code = proposal.Code, Node = proposal.Node,
        }, Issuer(proposer).Call(cancellationToken, proposer.IssuerIdentity));
        var id = opened.Proposal.ProposalId;
        await output.WriteLineAsync($"{proposer.IssuerIdentity} proposed it at {devnet.Gateways[proposer.Id]} (proposal {id}, {opened.Proposal.Votes} of {opened.Proposal.VotesNeeded} votes)");
        foreach (var voter in founders.Skip(1))
        {
            var voted = await Issuer(voter).Authorities.VoteOnProposalAsync(
                new VoteOnProposalRequest { RequestId = Guid.NewGuid().ToString("N"), ProposalId = id }, Issuer(voter).Call(cancellationToken, voter.IssuerIdentity));
            await output.WriteLineAsync($"{voter.IssuerIdentity} voted at {devnet.Gateways[voter.Id]} ({voted.Proposal.Votes} of {voted.Proposal.VotesNeeded})");
            if (voted.Proposal.State == ProposalState.Executed)
                break;
        }

        var validators = await new AuthorityRegistryContract(Address.Parse(devnet.Registries.AuthorityRegistry), new RpcClient(devnet.RpcUrl))
            .GetValidatorsAsync(cancellationToken: cancellationToken);
        var admitted = validators.Contains(Address.Parse(proposal.Node));
        await output.WriteLineAsync($"getValidators(): {string.Join(", ", validators)}");
        await output.WriteLineAsync(admitted ? $"{Newcomer.Id}'s node validates from now on" : $"!! {Newcomer.Id}'s node is not in getValidators()");
        if (!admitted)
            return (proposal.Node, false);

        var accounts = new Dictionary<string, string>(StringComparer.Ordinal) { [Newcomer.Id] = proposal.Account };
        foreach (var agency in Newcomer.Agencies)
            accounts[agency.Id] = keys.Key($"authority/{agency.Id}").GetPublicAddress();
        var newcomer = DevnetAuthority.From(Newcomer, folder, accounts);
        var gateway = await devnet.StartGatewayAsync(newcomer, cancellationToken);
        await output.WriteLineAsync($"gateway {Newcomer.Id} on {gateway} for {string.Join(", ", newcomer.Accounts.Select(a => a.Identity))}");
        foreach (var agency in Newcomer.Agencies)
        {
            await Issuer(newcomer).Authorities.DesignateAgencyAsync(new DesignateAgencyRequest
            {
                RequestId = Guid.NewGuid().ToString("N"), Address = accounts[agency.Id], Kind = AuthorityKind.Customs, Code = agency.Code,
            }, Issuer(newcomer).Call(cancellationToken, newcomer.IssuerIdentity));
            await output.WriteLineAsync($"{newcomer.IssuerIdentity} designated {agency.Id} through its own gateway");
        }
        var published = await devnet.PublishGatewayAsync(newcomer.Id, cancellationToken);
        await output.WriteLineAsync($"{newcomer.IssuerIdentity} published its gateway's peer endpoint for {string.Join(", ", published)}");
        return (proposal.Node, true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var clients in _clients.Values)
            clients.Dispose();
    }

    private GatewayClients Issuer(DevnetAuthority authority)
    {
        if (!_clients.TryGetValue(authority.Id, out var clients))
            _clients[authority.Id] = clients = GatewayClientFactory.Create(new GatewaySettings(devnet.Gateways[authority.Id]));
        return clients;
    }
}

using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Core.Primitives;
using Ledger.Network.Besu;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth;

namespace Ledger.Network.Generation;

/// <summary>
/// A newcomer's index: its place in the nodes' address plan (<see cref="NodeAddresses"/>), which
/// `ledger network join` writes into its Besu configs and which the operators' compose plans use.
/// registries.json lists only the founders, so their count is the right index for the first
/// newcomer alone; a second one counting them again would take the same addresses. The index is
/// either given by the operator (offline: the network tells each newcomer its own) or read from
/// the AuthorityRegistry at a node of the network (<see cref="ReadAsync"/>).
/// </summary>
public static class NewcomerIndex
{
    /// <summary>
    /// Every reason <paramref name="index"/> cannot be a newcomer's: outside the address plan, or a
    /// founder's (founders hold 0 to their count - 1, in registries.json order). Empty when it can.
    /// </summary>
    /// <param name="network">The network's public facts.</param>
    /// <param name="index">The index asked for.</param>
    public static IReadOnlyList<string> Check(PublishedNetwork network, int index)
    {
        ArgumentNullException.ThrowIfNull(network);
        var founders = network.Authorities.Count;
        if (!NodeAddresses.Holds(index))
        {
            return [$"index {index} is outside the nodes' address plan, which holds indices 0 to {NodeAddresses.MaximumAuthorities - 1}"
                + (founders >= NodeAddresses.MaximumAuthorities ? $"; the network's {founders} founders fill it, so a newcomer's nodes would have no addresses of their own" : "")];
        }
        if (index < founders)
            return [$"index {index} is founder '{network.Authorities[index].Id}''s; a newcomer takes {founders} or above (registries.json lists {founders} founders)"];
        return [];
    }

    /// <summary>
    /// The next free index as the chain tells it: the founders' count plus one for each account an
    /// issuer admission was ever proposed for (admitted, open or expired). Each newcomer's proposal
    /// thereby keeps the index it was given, even if the vote failed, so no later newcomer takes it;
    /// newcomers who run join before the one before them was proposed still read the same index,
    /// which is why the network may hand out indices itself (<see cref="Check"/>).
    /// </summary>
    /// <param name="network">The network's public facts: the chain id the node must be on, and the AuthorityRegistry.</param>
    /// <param name="node">A node of that network (its JSON-RPC).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="InvalidDataException">The node is on another chain than registries.json names.</exception>
    /// <exception cref="IOException">The node did not answer.</exception>
    public static async Task<int> ReadAsync(PublishedNetwork network, IClient node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(node);
        try
        {
            var chainId = (await new EthChainId(node).SendRequestAsync().ConfigureAwait(false)).Value;
            if (chainId != network.ChainId)
                throw new InvalidDataException($"the node is on chain {chainId}, but registries.json describes {network.Network} (chain {network.ChainId})");
            var registry = new AuthorityRegistryContract(Address.Parse(network.AuthorityRegistry), node);
            var proposals = await registry.ProposalCountAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var proposedIssuers = new HashSet<Address>();
            for (ulong id = 1; id <= proposals; id++)
            {
                var proposal = await registry.ProposalAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (proposal.Action == ProposalAction.AdmitIssuer)
                    proposedIssuers.Add(proposal.Target);
            }
            return network.Authorities.Count + proposedIssuers.Count;
        }
        catch (Exception e) when (e is RpcClientUnknownException or RpcClientTimeoutException or RpcResponseException or HttpRequestException)
        {
            throw new IOException($"the node did not answer the AuthorityRegistry's views: {e.Message}", e);
        }
    }
}

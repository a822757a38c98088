using System.Runtime.CompilerServices;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth.Filters;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// Reads logs over a block range with eth_getLogs one page at a time, halving the page when a
/// node refuses it as too large (geth, Besu and hosted nodes cap ranges or result sizes), so
/// that a follower catching up on a long history never asks for it all at once. Nethereum's
/// BlockchainProcessing log processor pages by a fixed size and does not shrink on refusal.
/// </summary>
public sealed class LogPager
{
    /// <summary>Most blocks one page may cover.</summary>
    public const int MaxBlocksPerPageLimit = 1_000_000;

    private static readonly string[] TooLargePatterns =
        ["query returned more than", "maximum block range", "range limit", "limit exceeded", "response size", "too many"];

    private readonly EthGetLogs _getLogs;

    /// <summary>Reads from <paramref name="client"/> (a node or <see cref="NodePool"/>).</summary>
    public LogPager(IClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _getLogs = new EthGetLogs(client);
    }

    /// <summary>
    /// The logs matching <paramref name="addresses"/> and <paramref name="topics"/> in blocks
    /// <paramref name="fromBlock"/> to <paramref name="toBlock"/> (both included), in chain order.
    /// </summary>
    /// <param name="addresses">The emitting contracts ("0x" hex).</param>
    /// <param name="topics">Per topic position, the values accepted (null or empty: any).</param>
    /// <param name="fromBlock">First block.</param>
    /// <param name="toBlock">Last block.</param>
    /// <param name="maxBlocksPerPage">Most blocks per eth_getLogs call, 1 to <see cref="MaxBlocksPerPageLimit"/>.</param>
    /// <param name="cancellationToken">Stops between pages.</param>
    public IAsyncEnumerable<FilterLog> ReadAsync(IReadOnlyList<string> addresses, IReadOnlyList<IReadOnlyList<string>?> topics, ulong fromBlock, ulong toBlock,
        int maxBlocksPerPage, CancellationToken cancellationToken = default)
    {
        // Checked here, not on the first MoveNextAsync, so a bad call fails where it is made.
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(topics);
        if (fromBlock > toBlock)
            throw new ArgumentException($"The block range is empty: from {fromBlock} is after to {toBlock}.", nameof(toBlock));
        if (maxBlocksPerPage is < 1 or > MaxBlocksPerPageLimit)
            throw new ArgumentOutOfRangeException(nameof(maxBlocksPerPage), maxBlocksPerPage, $"Between 1 and {MaxBlocksPerPageLimit} blocks.");
        var topicFilter = topics.Select(values => values is { Count: > 0 } ? (object)values.ToArray() : null).ToArray();
        return ReadPagesAsync(addresses.ToArray(), topicFilter!, fromBlock, toBlock, (ulong)maxBlocksPerPage, cancellationToken);
    }

    private async IAsyncEnumerable<FilterLog> ReadPagesAsync(string[] addresses, object[] topics, ulong fromBlock, ulong toBlock, ulong pageBlocks,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = fromBlock;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Written so that a range ending at ulong.MaxValue cannot overflow.
            var last = toBlock - first < pageBlocks - 1 ? toBlock : first + pageBlocks - 1;
            FilterLog[] page;
            try
            {
                page = await _getLogs.SendRequestAsync(new NewFilterInput
                {
                    Address = addresses,
                    Topics = topics,
                    FromBlock = new BlockParameter(new HexBigInteger(first)),
                    ToBlock = new BlockParameter(new HexBigInteger(last)),
                }).ConfigureAwait(false);
            }
            catch (RpcResponseException e) when (last > first && TooLargePatterns.Any(p => e.RpcError.Message.Contains(p, StringComparison.OrdinalIgnoreCase)))
            {
                pageBlocks = (last - first + 1) / 2;
                continue;
            }
            foreach (var log in page)
                yield return log;
            if (last == toBlock)
                yield break;
            first = last + 1;
        }
    }
}

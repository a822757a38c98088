using System.Runtime.CompilerServices;
using Ledger.Chain.Abi;
using Ledger.Chain.Rpc;

namespace Ledger.Chain.Logs;

/// <summary>
/// Reads the logs of a block range page by page (eth_getLogs over at most a given number of
/// blocks at a time), in chain order. When the node refuses a page as too large (see
/// <see cref="LogQueryLimits"/>) the page is halved and asked again, and stays at that size
/// for the rest of the read; pages never overlap or skip a block, so no log is lost or
/// repeated. A single block with more logs than the node will return throws the node's error.
/// </summary>
public sealed class LogReader
{
    /// <summary>The largest page allowed, in blocks: a bound on what one call may ask of a node.</summary>
    public const int MaxBlocksPerPageLimit = 1_000_000;

    private readonly IRpcClient _rpc;

    /// <summary>Creates a reader on <paramref name="rpc"/> (a node or a failover pool).</summary>
    public LogReader(IRpcClient rpc)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
    }

    /// <summary>
    /// The logs matching <paramref name="baseFilter"/>'s addresses and topics in blocks
    /// <paramref name="fromBlock"/> to <paramref name="toBlock"/> (both included), in chain order.
    /// </summary>
    /// <param name="baseFilter">Addresses and topics; its block range must be unset (the reader sets it per page).</param>
    /// <param name="fromBlock">First block read.</param>
    /// <param name="toBlock">Last block read; not before <paramref name="fromBlock"/>.</param>
    /// <param name="maxBlocksPerPage">Most blocks per eth_getLogs call (1 to <see cref="MaxBlocksPerPageLimit"/>).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="ArgumentException">The filter sets a block range, the range is empty, or the page size is out of range.</exception>
    public IAsyncEnumerable<LogEntry> ReadAsync(
        LogFilter baseFilter,
        ulong fromBlock,
        ulong toBlock,
        int maxBlocksPerPage,
        CancellationToken cancellationToken = default)
    {
        // Checked here, not on the first MoveNextAsync, so a bad call fails where it is made.
        Validate(baseFilter, fromBlock, toBlock, maxBlocksPerPage);
        return ReadPagesAsync(baseFilter, fromBlock, toBlock, maxBlocksPerPage, cancellationToken);
    }

    /// <summary>
    /// As <see cref="ReadAsync"/>, decoding each log as an event of <paramref name="abi"/>;
    /// logs of unknown events are skipped or thrown as <paramref name="unknownEvents"/> says.
    /// </summary>
    public IAsyncEnumerable<DecodedLog> ReadDecodedAsync(
        LogFilter baseFilter,
        ulong fromBlock,
        ulong toBlock,
        int maxBlocksPerPage,
        ContractAbi abi,
        UnknownEventHandling unknownEvents = UnknownEventHandling.Skip,
        CancellationToken cancellationToken = default)
    {
        var decoder = new EventLogDecoder(abi);
        return decoder.DecodeAsync(ReadAsync(baseFilter, fromBlock, toBlock, maxBlocksPerPage, cancellationToken), unknownEvents, cancellationToken);
    }

    private async IAsyncEnumerable<LogEntry> ReadPagesAsync(
        LogFilter baseFilter,
        ulong fromBlock,
        ulong toBlock,
        int maxBlocksPerPage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageBlocks = (ulong)maxBlocksPerPage;
        var first = fromBlock;
        while (true)
        {
            // Written so that a range ending at ulong.MaxValue cannot overflow.
            var last = toBlock - first < pageBlocks - 1 ? toBlock : first + pageBlocks - 1;
            IReadOnlyList<LogEntry> page;
            try
            {
                page = await _rpc.GetLogsAsync(baseFilter with { FromBlock = first, ToBlock = last }, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcErrorException e) when (last > first && LogQueryLimits.IsTooLarge(e))
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

    private static void Validate(LogFilter baseFilter, ulong fromBlock, ulong toBlock, int maxBlocksPerPage)
    {
        ArgumentNullException.ThrowIfNull(baseFilter);
        if (baseFilter.FromBlock is not null || baseFilter.ToBlock is not null)
            throw new ArgumentException("The base filter must not set a block range: the reader sets it for each page.", nameof(baseFilter));
        baseFilter.Validate();
        if (fromBlock > toBlock)
            throw new ArgumentException($"The block range is empty: from {fromBlock} is after to {toBlock}.", nameof(toBlock));
        if (maxBlocksPerPage is < 1 or > MaxBlocksPerPageLimit)
            throw new ArgumentOutOfRangeException(nameof(maxBlocksPerPage), maxBlocksPerPage, $"Between 1 and {MaxBlocksPerPageLimit} blocks.");
    }
}

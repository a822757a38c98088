using Ledger.Contracts.Tests.Devnet;
using Ledger.Core.Primitives;

namespace Ledger.Contracts.Tests.Ethereum;

/// <summary>Paged eth_getLogs on a node that refuses large ranges, like geth and Besu do: the pager halves its pages and misses nothing.</summary>
public sealed class LogPagerTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task A_node_capping_ranges_gets_smaller_pages_and_the_same_events()
    {
        var first = await Net.Rpc.GetBlockNumberAsync();
        var keys = new List<Bytes32>();
        for (var i = 0; i < 6; i++)
        {
            var permit = TestData.Permit(await Net.ChainTimeAsync());
            await Net.IssuerCH.Permits.RegisterAsync(permit);
            keys.Add(permit.Key);
            await Net.Devnet.MineAsync(3);
        }
        var last = await Net.Rpc.GetBlockNumberAsync();

        var capped = new RpcClient(Net.Devnet.RpcUrl) { OverridingRequestInterceptor = new RangeCap(maxBlocks: 4) };
        var registry = new PermitRegistryContract(Net.Deployment.PermitRegistry.Address, capped);
        var paged = await registry.ReadEventsAsync(first, last, maxBlocksPerPage: 1_000).OfType<PermitRegistered>().Select(e => e.Key).ToListAsync();

        Assert.Equal(keys, paged.Where(keys.Contains));
        var cap = (RangeCap)capped.OverridingRequestInterceptor;
        Assert.True(cap.Refused > 0, "the node should have refused the first, too large pages");
        Assert.All(cap.Answered, span => Assert.True(span <= 4));
        Assert.Equal(last - first + 1, (ulong)cap.Answered.Sum(span => (long)span));
    }

    /// <summary>Refuses eth_getLogs over more than <c>maxBlocks</c> blocks with geth's message; records the spans it answered.</summary>
    private sealed class RangeCap(ulong maxBlocks) : RequestInterceptor
    {
        public int Refused { get; private set; }

        public List<ulong> Answered { get; } = [];

        public override async Task<object> InterceptSendRequestAsync<T>(Func<RpcRequest, string, Task<T>> interceptedSendRequestAsync, RpcRequest request, string route = null!)
        {
            if (request.Method == "eth_getLogs" && request.RawParameters[0] is NewFilterInput filter)
            {
                var span = (ulong)(filter.ToBlock.BlockNumber.Value - filter.FromBlock.BlockNumber.Value) + 1;
                if (span > maxBlocks)
                {
                    Refused++;
                    throw new RpcResponseException(new RpcError(-32005, "query returned more than 10000 results", null!));
                }
                Answered.Add(span);
            }
            return (await interceptedSendRequestAsync(request, route))!;
        }
    }
}

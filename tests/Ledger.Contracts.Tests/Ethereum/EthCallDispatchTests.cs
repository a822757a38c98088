using Ledger.Contracts.Tests.Ethereum.Fakes;
using Nethereum.JsonRpc.Client.RpcMessages;

namespace Ledger.Contracts.Tests.Ethereum;

/// <summary>
/// Which eth_call a binding makes: a client's own (<see cref="IEthCaller"/>, e.g. a wrapper around a
/// pool) when it has one, else Nethereum's. Each fake answers a different number, so the answer
/// says which path was taken.
/// </summary>
public sealed class EthCallDispatchTests
{
    private static readonly Address Registry = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");

    [Fact]
    public async Task A_wrapper_that_is_an_eth_caller_gets_the_lean_call_not_nethereums()
    {
        var inner = new NethereumOnlyClient(answer: 7);
        var wrapper = new InterceptingWrapper(inner, leanAnswer: 256);

        var max = await new PermitRegistryContract(Registry, wrapper).MaxVerifyBatchAsync();

        Assert.Equal(256UL, max);
        Assert.Equal(1, wrapper.LeanCalls);
        Assert.Equal(0, inner.Calls);
        Assert.Equal(Registry, wrapper.LastTo);
        Assert.Equal(PermitRegistryCalls.MaxVerifyBatch().Data, wrapper.LastData);
        Assert.Null(wrapper.LastBlock);
    }

    [Fact]
    public async Task A_plain_client_gets_nethereums_call()
    {
        var client = new NethereumOnlyClient(answer: 7);

        var max = await new PermitRegistryContract(Registry, client).MaxVerifyBatchAsync();

        Assert.Equal(7UL, max);
        Assert.Equal(1, client.Calls);
        Assert.Equal(Registry.ToLowerHex(), client.LastCall!.To);
        Assert.Equal("0x" + Convert.ToHexStringLower(PermitRegistryCalls.MaxVerifyBatch().Data), client.LastCall.Data);
    }

    private static byte[] Word(ulong value)
    {
        var word = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(word.AsSpan(24), value);
        return word;
    }

    /// <summary>A node reached only through Nethereum's JSON-RPC: answers eth_call with one uint256.</summary>
    private sealed class NethereumOnlyClient(ulong answer) : OneRequestClient
    {
        public int Calls { get; private set; }

        public CallInput? LastCall { get; private set; }

        protected override Task<T> AnswerAsync<T>(RpcRequest request)
        {
            if (request.Method != "eth_call")
                throw new NotSupportedException(request.Method);
            Calls++;
            LastCall = (CallInput)request.RawParameters[0];
            return Task.FromResult((T)(object)("0x" + Convert.ToHexStringLower(Word(answer))));
        }
    }

    /// <summary>What a wrapper around a pool looks like: every request forwarded, eth_call to the inner lean call.</summary>
    private sealed class InterceptingWrapper(IClient inner, ulong leanAnswer) : IClient, IEthCaller
    {
        public int LeanCalls { get; private set; }

        public Address? LastTo { get; private set; }

        public byte[]? LastData { get; private set; }

        public BlockParameter? LastBlock { get; private set; }

        public RequestInterceptor? OverridingRequestInterceptor { get; set; }

        public Task<byte[]> CallAsync(Address to, ReadOnlyMemory<byte> data, BlockParameter? block, CancellationToken cancellationToken)
        {
            LeanCalls++;
            (LastTo, LastData, LastBlock) = (to, data.ToArray(), block);
            return Task.FromResult(Word(leanAnswer));
        }

        public Task<T> SendRequestAsync<T>(RpcRequest request, string? route = null) => inner.SendRequestAsync<T>(request, route);

        public Task<T> SendRequestAsync<T>(string method, string? route = null, params object[] paramList) => inner.SendRequestAsync<T>(method, route, paramList);

        public Task SendRequestAsync(RpcRequest request, string? route = null) => inner.SendRequestAsync(request, route);

        public Task SendRequestAsync(string method, string? route = null, params object[] paramList) => inner.SendRequestAsync(method, route, paramList);

        public Task<RpcRequestResponseBatch> SendBatchRequestAsync(RpcRequestResponseBatch rpcRequestResponseBatch) => inner.SendBatchRequestAsync(rpcRequestResponseBatch);

        public Task<RpcResponseMessage> SendAsync(RpcRequestMessage rpcRequestMessage, string? route = null) => inner.SendAsync(rpcRequestMessage, route);

        public T DecodeResult<T>(RpcResponseMessage rpcResponseMessage) => inner.DecodeResult<T>(rpcResponseMessage);
    }
}

using System.Collections.Concurrent;
using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Core.Primitives;
using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Gateway.Tests.Chain;

/// <summary>
/// A node that answers only the AuthorityRegistry's <c>profileOf(account)</c> eth_call, from
/// profiles the test sets (unknown accounts read as zero, as on chain). It can be taken away
/// (every call fails as an unreachable node's would) and can hold calls until the test lets
/// them go, so a test sees what waits behind a check in flight. Counts the calls it received.
/// </summary>
internal sealed class ProfileNode : IClient
{
    private readonly ConcurrentDictionary<Address, AuthorityProfile> _profiles = new();
    private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _hold;
    private int _calls;

    /// <summary>While true, every call fails at the transport.</summary>
    public bool Away { get; set; }

    /// <summary>How many calls reached the node.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes once a first call reached the node.</summary>
    public Task Called => _called.Task;

    public RequestInterceptor? OverridingRequestInterceptor { get; set; }

    /// <summary>What profileOf answers for <paramref name="account"/> from now on.</summary>
    public void SetProfile(Address account, AuthorityProfile profile) => _profiles[account] = profile;

    /// <summary>Holds every call from now on until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the held calls go on (they then answer, or fail if the node is away).</summary>
    public void Release() => _hold?.TrySetResult();

    public async Task<T> SendRequestAsync<T>(RpcRequest request, string? route = null)
    {
        if (request.Method != "eth_call")
            throw new NotSupportedException(request.Method);
        Interlocked.Increment(ref _calls);
        _called.TrySetResult();
        if (_hold is { } hold)
            await hold.Task;
        if (Away)
            throw new RpcClientUnknownException("The node is away.");
        var data = Convert.FromHexString(((CallInput)request.RawParameters[0]).Data[2..]);
        // profileOf(address): the selector, then the account right-aligned in one word.
        var account = Address.Parse("0x" + Convert.ToHexString(data.AsSpan(4 + 12, 20)));
        var profile = _profiles.GetValueOrDefault(account) ?? new AuthorityProfile(CountryBytes.None, AuthorityKind.None, AuthorityStatus.None);
        // (bytes2 country, uint8 kind, uint8 status): the country left-aligned, the enums right-aligned.
        var answer = new byte[96];
        profile.Country.ToBytes().CopyTo(answer, 0);
        answer[63] = (byte)profile.Kind;
        answer[95] = (byte)profile.Status;
        return (T)(object)("0x" + Convert.ToHexStringLower(answer));
    }

    public Task<T> SendRequestAsync<T>(string method, string? route = null, params object[] paramList) =>
        SendRequestAsync<T>(new RpcRequest(1, method, paramList), route);

    public Task SendRequestAsync(RpcRequest request, string? route = null) => throw new NotSupportedException(request.Method);

    public Task SendRequestAsync(string method, string? route = null, params object[] paramList) => throw new NotSupportedException(method);

    public Task<RpcRequestResponseBatch> SendBatchRequestAsync(RpcRequestResponseBatch rpcRequestResponseBatch) => throw new NotSupportedException("batch");

    public Task<RpcResponseMessage> SendAsync(RpcRequestMessage rpcRequestMessage, string? route = null) => throw new NotSupportedException(rpcRequestMessage.Method);

    public T DecodeResult<T>(RpcResponseMessage rpcResponseMessage) => throw new NotSupportedException();
}

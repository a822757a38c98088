using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Chain.Rpc;

namespace Ledger.Chain.Tests.Sending;

/// <summary>One call that went through a <see cref="ScriptedRpcClient"/>.</summary>
/// <param name="Sequence">Position among all calls, from 0.</param>
/// <param name="Method">The JSON-RPC method.</param>
/// <param name="Parameters">A copy of the parameters.</param>
/// <param name="Result">The result, when the call succeeded.</param>
/// <param name="Error">The exception, when it failed.</param>
internal sealed record RecordedCall(int Sequence, string Method, IReadOnlyList<JsonNode?> Parameters, JsonElement? Result, Exception? Error);

/// <summary>
/// Wraps a real client (an anvil) to see and steer what a component under test does: every
/// call is recorded, a test can await a call that matches a condition instead of sleeping,
/// and <see cref="OnCall"/> can fail a call before or after it reaches the node.
/// </summary>
internal sealed class ScriptedRpcClient(IRpcClient inner) : IRpcClient
{
    /// <summary>Decides how a call is answered; <c>forward</c> sends it to the node.</summary>
    public delegate Task<JsonElement> CallHandler(string method, IReadOnlyList<JsonNode?> parameters, Func<Task<JsonElement>> forward);

    private readonly Lock _lock = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<(Func<RecordedCall, bool> Match, TaskCompletionSource<RecordedCall> Done)> _waiters = [];

    /// <summary>Intercepts calls; null forwards every call unchanged.</summary>
    public CallHandler? OnCall { get; set; }

    /// <summary>The calls completed so far, in completion order.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_lock)
                return [.. _calls];
        }
    }

    /// <summary>The completed calls of one method.</summary>
    public IReadOnlyList<RecordedCall> CallsOf(string method) => Calls.Where(c => c.Method == method).ToList();

    /// <summary>Completes when a call matching <paramref name="match"/> has completed (one that already did counts).</summary>
    public Task<RecordedCall> WaitForCallAsync(Func<RecordedCall, bool> match, TimeSpan? timeout = null)
    {
        lock (_lock)
        {
            if (_calls.FirstOrDefault(match) is { } done)
                return Task.FromResult(done);
            var waiter = new TaskCompletionSource<RecordedCall>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, waiter));
            return waiter.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Completes when the <paramref name="count"/>-th call of <paramref name="method"/> (from 1) has completed.</summary>
    public Task<RecordedCall> WaitForNthCallAsync(string method, int count, TimeSpan? timeout = null)
    {
        var seen = 0;
        // Matches are tested in completion order, once per call, so counting in the predicate is exact.
        return WaitForCallAsync(call => call.Method == method && ++seen == count, timeout);
    }

    /// <inheritdoc />
    public async Task<JsonElement> SendAsync(string method, IReadOnlyList<JsonNode?> parameters, CancellationToken cancellationToken = default)
    {
        var copy = parameters.Select(p => p?.DeepClone()).ToList();
        Task<JsonElement> Forward() => inner.SendAsync(method, parameters, cancellationToken);
        try
        {
            var result = OnCall is { } handler ? await handler(method, copy, Forward) : await Forward();
            Record(method, copy, result.Clone(), null);
            return result;
        }
        catch (Exception e)
        {
            Record(method, copy, null, e);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RpcResponse>> SendBatchAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken = default) =>
        inner.SendBatchAsync(requests, cancellationToken);

    private void Record(string method, IReadOnlyList<JsonNode?> parameters, JsonElement? result, Exception? error)
    {
        List<TaskCompletionSource<RecordedCall>> completed = [];
        RecordedCall call;
        lock (_lock)
        {
            call = new RecordedCall(_calls.Count, method, parameters, result, error);
            _calls.Add(call);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(call))
                {
                    completed.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }
        foreach (var waiter in completed)
            waiter.TrySetResult(call);
    }
}

using System.Threading.Channels;
using Ledger.Contracts.Permits;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Gateway.Chain;
using ChainPermitType = Ledger.Contracts.PermitType;
using ChainReason = Ledger.Contracts.VerificationReason;
using ChainStatus = Ledger.Contracts.VerificationStatus;
using CoreAuthorityStatus = Ledger.Core.Authorities.AuthorityStatus;

namespace Ledger.Gateway.Tests.Chain;

/// <summary>
/// The coalescer against a scripted node: each call is held until the test releases it, so
/// which reads queue behind which call is decided by the test, not by timing.
/// </summary>
public sealed class PermitReadCoalescerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_lone_read_goes_at_once_alone()
    {
        var node = new ScriptedNode();
        var coalescer = new PermitReadCoalescer(node.ReadAsync, maxKeysPerRead: 256, maxReadsInFlight: 1);
        var key = Key(1);

        var answer = coalescer.ReadAsync(key, CancellationToken.None);

        var call = await node.NextCallAsync();
        Assert.Equal([key], call.Keys);
        call.Answer();
        AssertAnswerFor(key, await answer.WaitAsync(Patience));
    }

    [Fact]
    public async Task Reads_asked_while_a_call_is_in_flight_go_together_in_the_next_call_and_each_gets_its_own_answer()
    {
        var node = new ScriptedNode();
        var coalescer = new PermitReadCoalescer(node.ReadAsync, maxKeysPerRead: 256, maxReadsInFlight: 1);
        var first = coalescer.ReadAsync(Key(0), CancellationToken.None);
        var firstCall = await node.NextCallAsync();

        var keys = Enumerable.Range(1, 100).Select(Key).ToArray();
        var answers = keys.Select(k => coalescer.ReadAsync(k, CancellationToken.None)).ToArray();
        Assert.Equal(1, node.Calls); // all 100 wait for the one call in flight
        firstCall.Answer();

        var secondCall = await node.NextCallAsync();
        Assert.Equal(keys, secondCall.Keys);
        secondCall.Answer();
        AssertAnswerFor(Key(0), await first.WaitAsync(Patience));
        for (var i = 0; i < keys.Length; i++)
            AssertAnswerFor(keys[i], await answers[i].WaitAsync(Patience));
        Assert.Equal(2, node.Calls);
    }

    [Fact]
    public async Task A_call_carries_at_most_the_bound_and_the_same_key_once()
    {
        var node = new ScriptedNode();
        var coalescer = new PermitReadCoalescer(node.ReadAsync, maxKeysPerRead: 10, maxReadsInFlight: 1);
        var first = coalescer.ReadAsync(Key(0), CancellationToken.None);
        var firstCall = await node.NextCallAsync();
        var keys = Enumerable.Range(1, 25).Select(Key).ToArray();
        var asked = keys.SelectMany(k => new[] { k, k }).ToArray(); // every key asked twice in a row
        var answers = asked.Select(k => coalescer.ReadAsync(k, CancellationToken.None)).ToArray();
        firstCall.Answer();

        var sizes = new List<int>();
        while (sizes.Sum() < keys.Length)
        {
            var call = await node.NextCallAsync();
            Assert.Equal(call.Keys.Distinct().Count(), call.Keys.Count);
            sizes.Add(call.Keys.Count);
            call.Answer();
        }
        Assert.Equal([10, 10, 5], sizes);
        var snapshots = await Task.WhenAll(answers).WaitAsync(Patience);
        for (var i = 0; i < answers.Length; i++)
            AssertAnswerFor(asked[i], snapshots[i]);
        await first.WaitAsync(Patience);
    }

    [Fact]
    public async Task No_more_calls_than_the_limit_are_in_flight()
    {
        var node = new ScriptedNode();
        var coalescer = new PermitReadCoalescer(node.ReadAsync, maxKeysPerRead: 256, maxReadsInFlight: 2);
        var a = coalescer.ReadAsync(Key(1), CancellationToken.None);
        var b = coalescer.ReadAsync(Key(2), CancellationToken.None);
        var callA = await node.NextCallAsync();
        var callB = await node.NextCallAsync();
        var waiting = Enumerable.Range(3, 5).Select(i => coalescer.ReadAsync(Key(i), CancellationToken.None)).ToArray();
        Assert.Equal(2, node.Calls);

        callB.Answer();
        var callC = await node.NextCallAsync();
        Assert.Equal(Enumerable.Range(3, 5).Select(Key), callC.Keys);
        callA.Answer();
        callC.Answer();
        await Task.WhenAll([a, b, .. waiting]).WaitAsync(Patience);
        Assert.Equal(3, node.Calls);
    }

    [Fact]
    public async Task A_failed_call_fails_each_of_its_readers_with_its_error_and_later_reads_still_work()
    {
        var node = new ScriptedNode();
        var coalescer = new PermitReadCoalescer(node.ReadAsync, maxKeysPerRead: 256, maxReadsInFlight: 1);
        var first = coalescer.ReadAsync(Key(0), CancellationToken.None);
        var firstCall = await node.NextCallAsync();
        var failing = Enumerable.Range(1, 3).Select(i => coalescer.ReadAsync(Key(i), CancellationToken.None)).ToArray();
        firstCall.Answer();
        var failingCall = await node.NextCallAsync();
        var error = new HttpRequestException("node unreachable");
        failingCall.Fail(error);

        foreach (var read in failing)
            Assert.Same(error, await Assert.ThrowsAsync<HttpRequestException>(() => read.WaitAsync(Patience)));
        await first.WaitAsync(Patience);

        var later = coalescer.ReadAsync(Key(9), CancellationToken.None);
        (await node.NextCallAsync()).Answer();
        AssertAnswerFor(Key(9), await later.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_readers_cancellation_ends_only_its_own_wait()
    {
        var node = new ScriptedNode();
        var coalescer = new PermitReadCoalescer(node.ReadAsync, maxKeysPerRead: 256, maxReadsInFlight: 1);
        using var cancel = new CancellationTokenSource();
        var cancelled = coalescer.ReadAsync(Key(1), cancel.Token);
        var other = coalescer.ReadAsync(Key(2), CancellationToken.None);
        var call = await node.NextCallAsync();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        Assert.False(call.Token.IsCancellationRequested);
        Assert.False(other.IsCompleted);
        call.Answer();
        var secondCall = await node.NextCallAsync();
        Assert.Equal([Key(2)], secondCall.Keys);
        secondCall.Answer();
        AssertAnswerFor(Key(2), await other.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_read_cancelled_while_queued_is_not_sent()
    {
        var node = new ScriptedNode();
        var coalescer = new PermitReadCoalescer(node.ReadAsync, maxKeysPerRead: 256, maxReadsInFlight: 1);
        var first = coalescer.ReadAsync(Key(0), CancellationToken.None);
        var firstCall = await node.NextCallAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = coalescer.ReadAsync(Key(1), cancel.Token);
        var kept = coalescer.ReadAsync(Key(2), CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        firstCall.Answer();

        var next = await node.NextCallAsync();
        Assert.Equal([Key(2)], next.Keys);
        next.Answer();
        await Task.WhenAll(first, kept).WaitAsync(Patience);
    }

    [Fact]
    public async Task The_next_call_is_sent_before_the_readers_of_the_previous_one_are_released()
    {
        var node = new ScriptedNode();
        var coalescer = new PermitReadCoalescer(node.ReadAsync, maxKeysPerRead: 256, maxReadsInFlight: 1);
        var first = coalescer.ReadAsync(Key(0), CancellationToken.None);
        var firstCall = await node.NextCallAsync();
        var second = coalescer.ReadAsync(Key(1), CancellationToken.None);
        var firstAnsweredWhenNextSent = new TaskCompletionSource<bool>();
        node.OnCall = () => firstAnsweredWhenNextSent.TrySetResult(first.IsCompleted);

        firstCall.Answer();

        Assert.False(await firstAnsweredWhenNextSent.Task.WaitAsync(Patience));
        (await node.NextCallAsync()).Answer();
        await Task.WhenAll(first, second).WaitAsync(Patience);
    }

    [Fact]
    public async Task A_read_that_completes_at_once_does_not_keep_its_caller_serving_later_batches()
    {
        var caller = Environment.CurrentManagedThreadId;
        var askedOnCallersThread = 0;
        var asking = false;
        var calls = 0;
        PermitReadCoalescer? coalescer = null;
        var later = new List<Task<PermitSnapshot>>();
        // Each call queues another read, as concurrent callers would, and answers at once.
        Task<IReadOnlyList<PermitSnapshot>> ReadAtOnce(IReadOnlyList<PermitKey> keys, CancellationToken ct)
        {
            if (asking && Environment.CurrentManagedThreadId == caller)
                askedOnCallersThread++;
            if (Interlocked.Increment(ref calls) < 6)
                lock (later)
                    later.Add(coalescer!.ReadAsync(Key(calls), CancellationToken.None));
            return Task.FromResult<IReadOnlyList<PermitSnapshot>>(keys.Select(k => ScriptedCall.Snapshot(k, 1)).ToArray());
        }
        coalescer = new PermitReadCoalescer(ReadAtOnce, maxKeysPerRead: 256, maxReadsInFlight: 1);

        asking = true;
        var first = coalescer.ReadAsync(Key(0), CancellationToken.None);
        asking = false;

        Assert.Equal(1, askedOnCallersThread);
        await first.WaitAsync(Patience);
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref calls) == 6, Patience));
        Task<PermitSnapshot>[] all;
        lock (later)
            all = [.. later];
        await Task.WhenAll(all).WaitAsync(Patience);
    }

    private static PermitKey Key(int i)
    {
        var bytes = new byte[32];
        BitConverter.TryWriteBytes(bytes.AsSpan(28), i + 1);
        return new PermitKey(new Bytes32(bytes));
    }

    // The scripted node puts the key into the document hash and its call number into the block number.
    private static void AssertAnswerFor(PermitKey key, PermitSnapshot snapshot) =>
        Assert.Equal(key.Value, snapshot.Permit.DocumentHash.Value);

    private sealed class ScriptedNode
    {
        private readonly Channel<ScriptedCall> _calls = Channel.CreateUnbounded<ScriptedCall>();
        private int _count;

        public int Calls => Volatile.Read(ref _count);

        /// <summary>Runs as each call is made, before it is handed to the test.</summary>
        public Action? OnCall { get; set; }

        public Task<IReadOnlyList<PermitSnapshot>> ReadAsync(IReadOnlyList<PermitKey> keys, CancellationToken ct)
        {
            OnCall?.Invoke();
            var call = new ScriptedCall(keys.ToArray(), (ulong)Interlocked.Increment(ref _count), ct);
            _calls.Writer.TryWrite(call);
            return call.Result.Task;
        }

        public async Task<ScriptedCall> NextCallAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            return await _calls.Reader.ReadAsync(timeout.Token);
        }
    }

    private sealed class ScriptedCall(IReadOnlyList<PermitKey> keys, ulong number, CancellationToken token)
    {
        public IReadOnlyList<PermitKey> Keys { get; } = keys;

        public CancellationToken Token { get; } = token;

        public TaskCompletionSource<IReadOnlyList<PermitSnapshot>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Answer() => Result.SetResult(Keys.Select(k => Snapshot(k, number)).ToArray());

        public void Fail(Exception error) => Result.SetException(error);

        public static PermitSnapshot Snapshot(PermitKey key, ulong block)
        {
            var view = new PermitVerificationView(
                ChainStatus.Valid, ChainReason.None, default, default, ChainPermitType.CitesExport, 1, 2, default,
                [(UInt128)1], [(UInt128)0], 0, 1, key.Value, Bytes32.Zero, Bytes32.Zero, 0);
            return new PermitSnapshot(OnChainPermit.From(view), CoreAuthorityStatus.Active, block);
        }
    }
}

using Ledger.Gateway.Chain;

namespace Ledger.Gateway.Tests.Chain;

/// <summary>The one splitter of large reads: calls of bounded size, bounded fan-out, answers in key order.</summary>
public sealed class ChunkedReadsTests
{
    [Fact]
    public async Task Many_keys_go_in_calls_of_at_most_the_size_with_at_most_the_limit_in_flight_and_come_back_in_order()
    {
        var keys = Enumerable.Range(0, 2_000).ToArray();
        var inFlight = 0;
        var mostInFlight = 0;
        var calls = new List<int[]>();
        async Task<IReadOnlyList<string>> ReadAsync(int[] chunk, CancellationToken ct)
        {
            lock (calls)
            {
                calls.Add(chunk);
                mostInFlight = Math.Max(mostInFlight, ++inFlight);
            }
            // Held until as many calls as allowed are in flight (or the last ones have started), so the
            // peak reaches the limit however slowly the calls start (a limit never reached times out);
            // then a little longer, for a call beyond the limit, if one were let through, to show.
            var held = System.Diagnostics.Stopwatch.StartNew();
            while (!Ready())
            {
                Assert.True(held.Elapsed < TimeSpan.FromSeconds(10), $"never more than {mostInFlight} calls in flight");
                await Task.Delay(1, ct);
            }
            await Task.Delay(20, ct);
            lock (calls)
                inFlight--;
            return chunk.Select(k => $"v{k}").ToArray();
        }

        bool Ready()
        {
            lock (calls)
                return inFlight >= 3 || calls.Count == 8;
        }

        var answers = await ChunkedReads.ReadAsync(keys, chunkSize: 256, maxInFlight: 3, ReadAsync, CancellationToken.None);

        Assert.Equal(keys.Select(k => $"v{k}"), answers);
        Assert.Equal(8, calls.Count);
        Assert.All(calls, chunk => Assert.InRange(chunk.Length, 1, 256));
        Assert.Equal(3, mostInFlight);
    }

    [Fact]
    public async Task One_chunk_is_one_call_with_the_callers_token_and_no_keys_no_call()
    {
        using var cts = new CancellationTokenSource();
        var tokens = new List<CancellationToken>();
        Task<IReadOnlyList<int>> ReadAsync(int[] chunk, CancellationToken ct)
        {
            tokens.Add(ct);
            return Task.FromResult<IReadOnlyList<int>>(chunk.Select(k => -k).ToArray());
        }

        Assert.Equal([-1, -2, -3], await ChunkedReads.ReadAsync([1, 2, 3], 256, 4, ReadAsync, cts.Token));
        Assert.Empty(await ChunkedReads.ReadAsync(Array.Empty<int>(), 256, 4, ReadAsync, cts.Token));
        Assert.Equal(cts.Token, Assert.Single(tokens));
    }

    [Fact]
    public async Task A_call_answering_the_wrong_number_of_values_fails_the_read()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ChunkedReads.ReadAsync(Enumerable.Range(0, 300).ToArray(), 256, 2,
            (chunk, _) => Task.FromResult<IReadOnlyList<int>>(chunk.Skip(1).ToArray()), CancellationToken.None));
        Assert.Contains("answered", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_call_fails_the_read_with_its_error()
    {
        var failure = await Assert.ThrowsAsync<TimeoutException>(() => ChunkedReads.ReadAsync(Enumerable.Range(0, 600).ToArray(), 256, 2,
            (chunk, _) => chunk[0] == 256 ? throw new TimeoutException("node") : Task.FromResult<IReadOnlyList<int>>(chunk), CancellationToken.None));
        Assert.Equal("node", failure.Message);
    }
}

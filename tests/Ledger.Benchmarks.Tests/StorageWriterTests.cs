using Ledger.Benchmarks.Generation;

namespace Ledger.Benchmarks.Tests;

/// <summary>
/// <see cref="StorageWriter"/> when the words cannot be produced, against a node that takes
/// batches and never answers (the node's refusals are tested against anvil in
/// <see cref="GeneratedPermitStorageTests"/>). The node is a handler in this process, so every
/// send is seen as it starts and nothing is left to time.
/// </summary>
public sealed class StorageWriterTests
{
    [Fact]
    public async Task A_failing_word_producer_stops_the_senders_and_its_error_is_thrown()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var node = new SilentNode();
        using var writer = new StorageWriter(new Uri("http://node.invalid/"), "0x" + new string('1', 40), node);
        // Six batches, as many as the senders and the channel hold; the producer fails once the
        // senders' first three are in flight, so three are still queued.
        var words = Failing(6 * StorageWriter.BatchSize, () => node.Started >= StorageWriter.InFlight);

        var error = await Assert.ThrowsAsync<WordsFailedException>(() => writer.WriteAsync(words, timeout.Token).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal("no more words", error.Message);
        // WriteAsync returns only after its senders have: every send they will ever start has
        // started. They gave up the batches in flight (else those wait for the node's answer, up to
        // the client's two-minute timeout) and sent none of those still queued.
        Assert.Equal(StorageWriter.InFlight, node.Started);
        Assert.Equal(StorageWriter.InFlight, node.Abandoned);
        Assert.False(timeout.IsCancellationRequested);
    }

    private static IEnumerable<StorageWord> Failing(int before, Func<bool> failWhen)
    {
        for (var i = 0; i < before; i++)
            yield return new StorageWord(new byte[32], new byte[32]);
        Assert.True(SpinWait.SpinUntil(failWhen, TimeSpan.FromSeconds(20)));
        throw new WordsFailedException();
    }

    /// <summary>Counts the sends that start and those given up; answers none.</summary>
    private sealed class SilentNode : HttpMessageHandler
    {
        private int _started;
        private int _abandoned;

        public int Started => Volatile.Read(ref _started);

        public int Abandoned => Volatile.Read(ref _abandoned);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _abandoned);
                throw;
            }
        }
    }

    private sealed class WordsFailedException() : Exception("no more words");
}

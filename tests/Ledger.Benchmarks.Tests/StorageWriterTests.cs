using Ledger.Benchmarks.Generation;
using Ledger.Testing;

namespace Ledger.Benchmarks.Tests;

/// <summary>
/// <see cref="StorageWriter"/> when the words cannot be produced, against a node that takes
/// batches and never answers (the node's refusals are tested against anvil in
/// <see cref="GeneratedPermitStorageTests"/>).
/// </summary>
public sealed class StorageWriterTests
{
    [Fact]
    public async Task A_failing_word_producer_stops_the_senders_and_its_error_is_thrown()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var node = SilentTcpServer.Start();
        using var writer = new StorageWriter(node.Url, "0x" + new string('1', 40));
        // Six batches, as many as the senders and the channel hold; the producer fails once the
        // senders' first three are in flight.
        var words = Failing(6 * StorageWriter.BatchSize, () => node.ConnectionCount >= 3);

        var error = await Assert.ThrowsAsync<WordsFailedException>(() => writer.WriteAsync(words, timeout.Token));

        Assert.Equal("no more words", error.Message);
        // The senders gave up the batches in flight (else they wait for the node's answer, up to
        // the client's two-minute timeout) and sent none of those still queued.
        Assert.True(SpinWait.SpinUntil(() => node.ClosedByClientCount == 3, TimeSpan.FromSeconds(10)), $"{node.ClosedByClientCount} of 3 requests abandoned");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(3, node.ConnectionCount);
        Assert.False(timeout.IsCancellationRequested);
    }

    private static IEnumerable<StorageWord> Failing(int before, Func<bool> failWhen)
    {
        for (var i = 0; i < before; i++)
            yield return new StorageWord(new byte[32], new byte[32]);
        Assert.True(SpinWait.SpinUntil(failWhen, TimeSpan.FromSeconds(20)));
        throw new WordsFailedException();
    }

    private sealed class WordsFailedException() : Exception("no more words");
}

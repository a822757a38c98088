using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Ledger.Benchmarks.Generation;

/// <summary>
/// Writes storage words straight into a node's state with anvil_setStorageAt, many to a JSON-RPC
/// batch and a few batches in flight. Chosen over an edited --load-state file by measurement: on
/// this machine anvil takes 200,000 words in about 4 s this way, with no restart of the node (the
/// gateways keep their connections), and the writes do not mine. Every answer is checked.
/// </summary>
/// <param name="rpcUrl">The node's JSON-RPC endpoint.</param>
/// <param name="contract">The contract whose storage is written.</param>
/// <param name="handler">
/// What sends the batches (the writer disposes it). A parameter so that a test can see every send
/// as it starts, which no server can: a request may reach it after the writer has returned.
/// </param>
internal sealed class StorageWriter(Uri rpcUrl, string contract, HttpMessageHandler handler) : IDisposable
{
    /// <summary>Words per JSON-RPC batch.</summary>
    public const int BatchSize = 2_000;

    /// <summary>Batches sent at once.</summary>
    public const int InFlight = 3;

    private readonly HttpClient _http = new(handler) { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>A writer to the node at <paramref name="rpcUrl"/> over its own connections.</summary>
    public StorageWriter(Uri rpcUrl, string contract)
        : this(rpcUrl, contract, new SocketsHttpHandler())
    {
    }

    /// <summary>
    /// Writes every word of <paramref name="words"/>; returns how many. A failure on either side
    /// stops the other: a batch the node refuses stops the enumeration of <paramref name="words"/>,
    /// and an exception from <paramref name="words"/> stops the senders before it is rethrown as it was.
    /// </summary>
    public async Task<long> WriteAsync(IEnumerable<StorageWord> words, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(words);
        var batches = Channel.CreateBounded<string>(InFlight * 2);
        var written = 0L;
        // A sender that fails stops the producer (else it would wait forever on a full channel) and the other senders.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var senders = Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var body in batches.Reader.ReadAllAsync(failed.Token))
                    await SendAsync(body, failed.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await failed.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToList();
        Exception? producerError = null;
        try
        {
            var body = new StringBuilder();
            var inBatch = 0;
            foreach (var word in words)
            {
                Append(body, inBatch, word);
                written++;
                if (++inBatch < BatchSize)
                    continue;
                await batches.Writer.WriteAsync(body.Append(']').ToString(), failed.Token);
                body.Clear();
                inBatch = 0;
            }
            if (inBatch > 0)
                await batches.Writer.WriteAsync(body.Append(']').ToString(), failed.Token);
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A sender failed: its error is thrown below.
        }
        catch (Exception e)
        {
            // The words could not be produced (or the caller cancelled): the senders stop too,
            // instead of sending what is queued of a generation that has failed, and the error
            // reported is this one, not their cancellation.
            producerError = e;
            await failed.CancelAsync();
        }
        finally
        {
            batches.Writer.TryComplete();
        }
        var all = Task.WhenAll(senders);
        try
        {
            await all;
        }
        catch when (producerError is not null)
        {
            // Stopped for the producer's error, thrown below.
        }
        catch when (all.Exception?.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) is { } cause)
        {
            ExceptionDispatchInfo.Throw(cause);
        }
        if (producerError is not null)
            ExceptionDispatchInfo.Throw(producerError);
        return written;
    }

    private void Append(StringBuilder body, int index, StorageWord word)
    {
        body.Append(index == 0 ? '[' : ',')
            .Append("{\"jsonrpc\":\"2.0\",\"id\":").Append(index)
            .Append(",\"method\":\"anvil_setStorageAt\",\"params\":[\"").Append(contract)
            .Append("\",\"0x").Append(Convert.ToHexStringLower(word.Slot))
            .Append("\",\"0x").Append(Convert.ToHexStringLower(word.Value)).Append("\"]}");
    }

    private async Task SendAsync(string body, CancellationToken ct)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(rpcUrl, content, ct);
        response.EnsureSuccessStatusCode();
        using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        if (answer.RootElement.ValueKind != JsonValueKind.Array)
            throw new InvalidOperationException($"anvil_setStorageAt batch refused: {Shorten(answer.RootElement.GetRawText())}");
        foreach (var item in answer.RootElement.EnumerateArray())
        {
            if (item.TryGetProperty("error", out var error))
                throw new InvalidOperationException($"anvil_setStorageAt refused: {Shorten(error.GetRawText())}");
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

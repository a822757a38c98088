using System.IO.Compression;
using System.Text;
using Ledger.Console.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ledger.Gateway.Tests.WebConsole;

/// <summary>The console's assets are compressed in the background from startup, not by the first request that wants them.</summary>
public sealed class ConsoleAssetEncodingTests
{
    // About 390 KB of script-like text: brotli at its best quality takes a good fraction of a second on it,
    // so an encoding begun only when asked for is not finished the moment it is asked for.
    private static readonly byte[] Script = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 12_000)
        .Select(i => $"function f{i}(a) {{ return a * {i % 97} + {i}; }}\n")));

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Starting_returns_at_once_and_the_encodings_are_ready_before_any_request_asks()
    {
        var asset = new ConsoleAsset("big.js", "text/javascript; charset=utf-8", Script);
        var encoding = new ConsoleAssetEncoding([asset]);

        var start = encoding.StartAsync(CancellationToken.None);
        Assert.True(start.IsCompletedSuccessfully, "startup does not wait for the compression");
        await encoding.Prepared.WaitAsync(Patience);

        var brotli = asset.EncodedAsync(ContentCodings.Brotli);
        var gzip = asset.EncodedAsync(ContentCodings.Gzip);
        Assert.True(brotli.IsCompletedSuccessfully, "the first brotli request finds it ready");
        Assert.True(gzip.IsCompletedSuccessfully, "the first gzip request finds it ready");
        Assert.Equal(Script, Decode(new BrotliStream(new MemoryStream((await brotli)!), CompressionMode.Decompress)));
        Assert.Equal(Script, Decode(new GZipStream(new MemoryStream((await gzip)!), CompressionMode.Decompress)));
    }

    [Fact]
    public async Task A_request_before_the_preparation_gets_the_same_encoded_bytes()
    {
        var asset = new ConsoleAsset("big.js", "text/javascript; charset=utf-8", Script);

        var early = await asset.EncodedAsync(ContentCodings.Brotli).WaitAsync(Patience);
        await new ConsoleAssetEncoding([asset]).StartAsync(CancellationToken.None);
        var later = await asset.EncodedAsync(ContentCodings.Brotli).WaitAsync(Patience);

        Assert.Same(early, later);
        Assert.Equal(Script, Decode(new BrotliStream(new MemoryStream(early!), CompressionMode.Decompress)));
    }

    [Fact]
    public void The_console_registers_the_preparation_with_the_host()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLedgerConsoleUi(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IHostedService>().OfType<ConsoleAssetEncoding>());
    }

    private static byte[] Decode(Stream decompressing)
    {
        using (decompressing)
        {
            using var plain = new MemoryStream();
            decompressing.CopyTo(plain);
            return plain.ToArray();
        }
    }
}

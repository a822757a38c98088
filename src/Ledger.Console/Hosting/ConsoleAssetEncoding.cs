using Microsoft.Extensions.Hosting;

namespace Ledger.Console.Hosting;

/// <summary>
/// Compresses the console's assets in the background as the host starts, so that the first
/// browser to ask for jsQR in brotli after a restart does not wait half a second for it.
/// Starting returns at once: neither startup nor readiness waits for the compression, and a
/// request that comes before it is done waits only for what is left of it
/// (<see cref="ConsoleAsset.EncodedAsync"/>).
/// </summary>
/// <param name="assets">The assets to prepare (the embedded ones: <see cref="ConsoleAssets.All"/>).</param>
internal sealed class ConsoleAssetEncoding(IEnumerable<ConsoleAsset> assets) : IHostedService
{
    /// <summary>What <see cref="StartAsync"/> began: completes when every asset's encodings are ready (a completed task before it).</summary>
    public Task Prepared { get; private set; } = Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Prepared = Task.WhenAll(assets.Select(asset => asset.StartEncoding()));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

namespace Ledger.Contracts.Tests.Devnet;

/// <summary>One <see cref="LedgerNet"/> shared by the tests of a class; they use fresh keys and accounts so they do not interfere.</summary>
public sealed class LedgerNetFixture : IAsyncLifetime
{
    private LedgerNet? _net;

    /// <summary>The running devnet.</summary>
    public LedgerNet Net => _net ?? throw new InvalidOperationException("The devnet has not been started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _net = await LedgerNet.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_net is not null)
            await _net.DisposeAsync();
    }
}

namespace Ledger.Testing;

/// <summary>
/// One anvil shared by the tests of a class (<c>IClassFixture&lt;AnvilFixture&gt;</c>).
/// Derive and override <see cref="Options"/> for other settings.
/// </summary>
public class AnvilFixture : IAsyncLifetime
{
    private AnvilDevnet? _devnet;

    /// <summary>The running devnet.</summary>
    public AnvilDevnet Devnet => _devnet ?? throw new InvalidOperationException("The devnet has not been started.");

    /// <summary>The options the devnet is started with.</summary>
    protected virtual AnvilDevnetOptions Options => new();

    /// <inheritdoc />
    public async Task InitializeAsync() => _devnet = await AnvilDevnet.StartAsync(Options);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_devnet is not null)
            await _devnet.DisposeAsync();
    }
}

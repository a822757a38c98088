namespace Ledger.Gateway.Tests.Support;

/// <summary>One throw-away PostgreSQL cluster per test class that needs one; nothing is started where PostgreSQL is missing (the tests skip).</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The running server.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException(PostgresServer.MissingReason);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (PostgresServer.IsInstalled)
            _server = await PostgresServer.StartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

namespace Ledger.Gateway.Tests.Support;

/// <summary>One redis-server per test class that needs one; nothing is started where redis-server is missing (the tests skip).</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? _server;

    /// <summary>The running server.</summary>
    public RedisServer Server => _server ?? throw new InvalidOperationException(RedisServer.MissingReason);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (RedisServer.IsInstalled)
            _server = await RedisServer.StartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

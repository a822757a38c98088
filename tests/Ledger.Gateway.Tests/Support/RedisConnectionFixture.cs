using Ledger.Gateway.Stores;
using StackExchange.Redis;

namespace Ledger.Gateway.Tests.Support;

/// <summary>A redis-server for one test class and one multiplexer to it, created as the gateway creates its own.</summary>
public sealed class RedisConnectionFixture : IAsyncLifetime
{
    private readonly RedisServerFixture _server = new();
    private IConnectionMultiplexer? _connection;

    /// <summary>The connection.</summary>
    public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException(RedisServer.MissingReason);

    /// <summary>The server.</summary>
    public RedisServer Server => _server.Server;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        if (RedisServer.IsInstalled)
            _connection = await ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateOptions(_server.Server.Configuration));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        await _server.DisposeAsync();
    }
}

using Ledger.Gateway.Stores;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Support;

/// <summary>Store options for tests, with a unique Redis key prefix so tests sharing a server never see each other's keys.</summary>
public static class TestOptions
{
    /// <summary>Store options with the given overrides.</summary>
    public static IOptions<StoreOptions> Stores(Action<StoreOptions>? configure = null)
    {
        var options = new StoreOptions { KeyPrefix = "t" + Guid.NewGuid().ToString("N")[..12] + ":" };
        configure?.Invoke(options);
        return Options.Create(options);
    }
}

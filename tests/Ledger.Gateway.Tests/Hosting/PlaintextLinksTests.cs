using Ledger.Gateway.Chain;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Stores;

namespace Ledger.Gateway.Tests.Hosting;

public sealed class PlaintextLinksTests
{
    [Fact]
    public void Each_declared_plain_link_to_another_machine_is_listed_once_with_its_declaration_and_nothing_else()
    {
        var chain = new GatewayChainOptions
        {
            RpcUrls = ["http://node-ch:8545", "https://fullnode-ch:8545", "http://127.0.0.1:8545"],
            AllowPlaintextRpcOnPrivateNetwork = true,
        };
        var redis = new RedisOptions { Configuration = "redis-ch:6379,password=hunter2", AllowPlaintextOnPrivateNetwork = true };
        var metrics = new ObservabilityOptions { MetricsListenAddress = "172.16.100.30", MetricsPort = 9464, AllowPlaintextMetricsOnPrivateNetwork = true };

        var declared = PlaintextLinks.Declared(chain, redis, metrics);

        Assert.Equal<string>(
        [
            "node Chain:RpcUrls:0 http://node-ch:8545 (Chain:AllowPlaintextRpcOnPrivateNetwork)",
            "Redis redis-ch:6379 (Redis:AllowPlaintextOnPrivateNetwork)",
            "metrics listener http://172.16.100.30:9464/metrics (Observability:AllowPlaintextMetricsOnPrivateNetwork)",
        ], declared);
    }

    [Fact]
    public void Links_not_declared_or_over_tls_or_loopback_are_not_listed()
    {
        var chain = new GatewayChainOptions { RpcUrls = ["http://node-ch:8545"] };
        var redis = new RedisOptions { Configuration = "redis-ch:6380,ssl=true", AllowPlaintextOnPrivateNetwork = true };
        var metrics = new ObservabilityOptions { MetricsListenAddress = "127.0.0.1", AllowPlaintextMetricsOnPrivateNetwork = true };

        Assert.Empty(PlaintextLinks.Declared(chain, redis, metrics));
    }
}

using System.Net.Http;
using Ledger.Devnet.Hosting;

namespace Ledger.Cli.Tests.Devnet;

public class DevnetLifetimeTests
{
    [Fact]
    public async Task Without_redis_it_runs_on_memory_stores_and_stopping_it_stops_the_chain_and_the_gateway()
    {
        var state = Path.Combine(Path.GetTempPath(), "ledger-devnet-test-" + Guid.NewGuid().ToString("N"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var devnet = await RunningDevnet.StartAsync(new DevnetOptions(GatewayPort: 0, UseRedis: false, StateFolder: state), TextWriter.Null, timeout.Token);
        Uri rpc, gateway;
        try
        {
            Assert.Null(devnet.Redis);
            rpc = devnet.RpcUrl;
            gateway = devnet.GatewayAddress;
            using var http = new HttpClient();
            var answer = await http.PostAsync(rpc, new StringContent("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(answer.IsSuccessStatusCode);
        }
        finally
        {
            await devnet.DisposeAsync();
            Directory.Delete(state, recursive: true);
        }

        using var after = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync(rpc));
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync(gateway));
    }
}

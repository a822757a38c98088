using System.Net.Http;
using Ledger.Devnet.Hosting;

namespace Ledger.Cli.Tests.Devnet;

[Collection(DevnetCollection.Name)]
public class DevnetLifetimeTests
{
    [Fact]
    public async Task Without_redis_it_runs_on_memory_stores_and_stopping_it_stops_the_chain_and_every_gateway()
    {
        var state = Path.Combine(Path.GetTempPath(), "ledger-devnet-test-" + Guid.NewGuid().ToString("N"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var devnet = await RunningDevnet.StartAsync(new DevnetOptions(BasePort: 0, UseRedis: false, StateFolder: state), TextWriter.Null, timeout.Token);
        Uri rpc;
        Uri[] gateways;
        try
        {
            Assert.Null(devnet.Redis);
            rpc = devnet.RpcUrl;
            gateways = [.. devnet.Gateways.Values];
            Assert.Equal(devnet.Network.Authorities.Count, gateways.Length);
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
        foreach (var gateway in gateways)
            await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync(gateway));
    }
}

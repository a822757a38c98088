using Ledger.Devnet.Hosting;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>The devnet's gateway settings overlay (used by the load program) may tune limits, never the topology.</summary>
public class GatewayOverlayTests
{
    [Theory]
    [InlineData("Identity:DevIdentities:fr-issuer:Authority")]
    [InlineData("Chain:Keystores:0:Account")]
    [InlineData("chain:rpcurls:0")]
    [InlineData("Chain:PermitRegistry")]
    [InlineData("Gateway:Mode")]
    public async Task A_setting_that_defines_the_topology_is_refused_before_anything_starts(string name)
    {
        var state = Path.Combine(Path.GetTempPath(), $"overlay-{Guid.NewGuid():N}");
        var options = new DevnetOptions(BasePort: 0, StateFolder: state, GatewaySettings: new Dictionary<string, string?> { [name] = "x" });
        using var log = new StringWriter();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => RunningDevnet.StartAsync(options, log, CancellationToken.None));

        Assert.Contains(name, refused.Message, StringComparison.Ordinal);
        Assert.Equal("", log.ToString());           // no anvil, redis or gateway was started
        Assert.False(Directory.Exists(state));
    }
}

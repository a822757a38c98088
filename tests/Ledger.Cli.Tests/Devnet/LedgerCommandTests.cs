namespace Ledger.Cli.Tests.Devnet;

/// <summary>The `ledger` command line against a devnet gateway: an answer, and a refusal with its exit code.</summary>
[Collection(DevnetCollection.Name)]
public class LedgerCommandTests(DevnetFixture fixture)
{
    [Fact]
    public async Task Ledger_verifies_at_FRs_gateway_and_an_observer_may_not_cancel()
    {
        var gateway = fixture.Devnet.Gateways["fr"].ToString();

        var (verifyCode, verifyOutput, _) = await RunLedgerAsync("--gateway", gateway, "--identity", "fr-customs", "permit", "verify", "CH/2026/NOPE-1");
        var (deniedCode, _, deniedError) = await RunLedgerAsync("--gateway", gateway, "--identity", "fr-observer", "permit", "cancel", "FR/2026/NOPE-1", "--reason", "fraud");

        Assert.Equal(0, verifyCode);
        Assert.Contains(verifyOutput.Split('\n'), line => line.StartsWith("status:", StringComparison.Ordinal) && line.EndsWith("NOT_AVAILABLE (unknown permit)", StringComparison.Ordinal));
        Assert.Equal(1, deniedCode);
        Assert.StartsWith("error: PERMISSION_DENIED: ", deniedError);
    }

    internal static async Task<(int Code, string Output, string Error)> RunLedgerAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await LedgerCommandLine.Create().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}

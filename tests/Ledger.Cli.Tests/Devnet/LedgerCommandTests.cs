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

    [Fact]
    public async Task Ledger_registers_from_a_cites_document_alone_and_refuses_an_option_that_disagrees_with_it()
    {
        var permitId = $"CH/2026/{System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000, 1_000_000)}";
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var text = File.ReadAllText(Path.Combine(Ledger.Testing.ToolPaths.RepositoryRoot, "samples", "documents", "cites-export-CH-2026-000123.xml"))
            .Replace("CH/2026/000123", permitId, StringComparison.Ordinal)
            .Replace("<ram:StartDateTime>2026-03-10<", $"<ram:StartDateTime>{today}<", StringComparison.Ordinal)
            .Replace("<ram:EndDateTime>2026-09-09<", $"<ram:EndDateTime>{DateTime.UtcNow.AddDays(30):yyyy-MM-dd}<", StringComparison.Ordinal);
        var document = Path.Combine(fixture.StateFolder, $"cli-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(document, text);
        var ch = fixture.Devnet.Gateways["ch"].ToString();
        var fr = fixture.Devnet.Gateways["fr"].ToString();

        var (mismatchCode, _, mismatchError) = await RunLedgerAsync("--gateway", ch, "--identity", "ch-issuer", "permit", "register", "--document", document, "--destination", "DE");
        var (code, output, error) = await RunLedgerAsync("--gateway", ch, "--identity", "ch-issuer", "permit", "register", "--document", document);
        var (_, verifyOutput, _) = await RunLedgerAsync("--gateway", fr, "--identity", "fr-customs", "permit", "verify", permitId);

        Assert.Equal(1, mismatchCode);
        Assert.Contains("INVALID_ARGUMENT", mismatchError);
        Assert.Contains("destination_country: is DE but the document says FR", mismatchError);
        Assert.True(code == 0, error);
        Assert.Contains(permitId, output);
        Assert.Contains(verifyOutput.Split('\n'), line => line.StartsWith("status:", StringComparison.Ordinal) && line.Contains("VALID", StringComparison.Ordinal)
            && !line.Contains("NOT_AVAILABLE", StringComparison.Ordinal));
    }

    internal static async Task<(int Code, string Output, string Error)> RunLedgerAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await LedgerCommandLine.Create().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}

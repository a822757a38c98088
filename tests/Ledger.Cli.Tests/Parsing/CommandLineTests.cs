using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Ledger.Cli.Connection;

namespace Ledger.Cli.Tests.Parsing;

public class CommandLineTests
{
    private static ParseResult Parse(params string[] args) => LedgerCommandLine.Create().Parse(args);

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("permit", "register", "CH/1", "--document", "x.xml", "-q", "5")]
    [InlineData("permit", "register", "--id", "CH/1", "--document", "x.xml", "-q", "5")]
    [InlineData("permit", "register", "--batch", "permits.jsonl")]
    [InlineData("permit", "register", "--document", "cites.xml")]
    [InlineData("permit", "verify", "CH/2026/1")]
    [InlineData("permit", "verify", "CH/2026/1", "--document-hash", "00")]
    [InlineData("permit", "ship", "CH/2026/1", "--reference", "AWB-1", "-q", "1", "-q", "0")]
    [InlineData("permit", "confirm", "CH/2026/1", "--reference", "AWB-1", "--quantity", "1")]
    [InlineData("permit", "cancel", "CH/2026/1", "--reason", "withdrawn")]
    [InlineData("permit", "history", "CH/2026/1")]
    [InlineData("authority", "list", "--country", "CH")]
    [InlineData("authority", "propose", "--address", "0x01", "--country", "NO", "--code", "NO-MA", "--node", "0x02")]
    [InlineData("authority", "vote", "7")]
    [InlineData("demo")]
    [InlineData("--gateway", "http://127.0.0.1:9", "--identity", "ch-issuer", "permit", "verify", "X")]
    [InlineData("permit", "verify", "X", "--gateway", "https://gw.example:7443", "--cert", "a.pem", "--key", "a.key", "--ca", "ca.pem")]
    public void Every_command_parses(params string[] args) => Assert.Empty(Parse(args).Errors);

    [Theory]
    [InlineData("permit register CH/1 -q 5", "give --document FILE")]
    [InlineData("permit register", "give --document FILE")]
    [InlineData("permit register --batch p.jsonl CH/1", "leave out the permit ID")]
    [InlineData("permit register --batch p.jsonl --id CH/1", "leave out the permit ID")]
    [InlineData("permit register CH/1 --id CH/2 --document d -q 1", "give the permit ID once")]
    [InlineData("permit register --batch p.jsonl --batch-size 101", "--batch-size must be 1..100")]
    [InlineData("permit register CH/1 --document d -q 1 --type cites", "--type 'cites' is none of")]
    [InlineData("permit verify X --document d --document-hash 00", "not both")]
    [InlineData("permit cancel X --reason replaced", "--reason 'replaced' is none of")]
    [InlineData("permit ship X -q 1", "--reference")]
    [InlineData("authority vote seven", "seven")]
    [InlineData("--gateway ftp://x permit verify X", "is not an http:// or https:// address")]
    public void Bad_command_lines_are_refused_with_a_reason(string commandLine, string expected)
    {
        var errors = Parse(commandLine.Split(' ')).Errors;

        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_permit_command_takes_the_permit_id_as_its_first_argument_and_hides_the_old_option()
    {
        var permit = LedgerCommandLine.Create().Subcommands.Single(c => c.Name == "permit");
        foreach (var command in permit.Subcommands)
        {
            Assert.Equal("permit-id", command.Arguments.First().Name);
            Assert.All(command.Options.Where(o => o.Name == "--id"), option => Assert.True(option.Hidden, $"{command.Name} shows --id"));
        }
        var help = new StringWriter();
        Parse("permit", "register", "--help").Invoke(new InvocationConfiguration { Output = help });
        Assert.Contains("<permit-id>", help.ToString());
        Assert.DoesNotMatch(@"\s--id\s", help.ToString());
    }

    [Fact]
    public void Gateway_comes_from_the_option_then_the_environment_then_the_devnet_default()
    {
        var environment = new Dictionary<string, string?> { [ConnectionOptions.GatewayVariable] = "http://10.0.0.1:7080" };

        Assert.Equal(new Uri("http://127.0.0.2:1"), ConnectionOptions.Read(Parse("--gateway", "http://127.0.0.2:1", "demo"), environment.GetValueOrDefault).Address);
        Assert.Equal(new Uri("http://10.0.0.1:7080"), ConnectionOptions.Read(Parse("demo"), environment.GetValueOrDefault).Address);
        Assert.Equal(ConnectionOptions.DefaultGateway, ConnectionOptions.Read(Parse("demo"), _ => null).Address);
        Assert.Throws<CliInputException>(() => ConnectionOptions.Read(Parse("demo"), _ => "not a url"));
    }

    [Fact]
    public void Identity_certificate_and_timeout_reach_the_settings()
    {
        var settings = ConnectionOptions.Read(
            Parse("--identity", "fr-customs", "--timeout", "5", "--cert", "c.pem", "--key", "c.key", "permit", "history", "X"), _ => null);

        Assert.Equal("fr-customs", settings.Identity);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.CallTimeout);
        Assert.EndsWith("c.pem", settings.ClientCertificateFile);
        Assert.EndsWith("c.key", settings.ClientKeyFile);
    }

    [Fact]
    public void The_identity_header_is_sent_only_when_an_identity_is_named()
    {
        using var named = GatewayClientFactory.Create(new GatewaySettings(new Uri("http://127.0.0.1:9"), Identity: "ch-customs"));
        using var anonymous = GatewayClientFactory.Create(new GatewaySettings(new Uri("http://127.0.0.1:9")));

        Assert.Equal("ch-customs", named.Call(CancellationToken.None).Headers!.GetValue(GatewaySettings.DevIdentityHeader));
        Assert.Equal("fr-customs", named.Call(CancellationToken.None, "fr-customs").Headers!.GetValue(GatewaySettings.DevIdentityHeader));
        Assert.Null(anonymous.Call(CancellationToken.None).Headers!.GetValue(GatewaySettings.DevIdentityHeader));
    }

    [Fact]
    public void Certificates_need_an_https_gateway_and_a_key()
    {
        Assert.Throws<CliInputException>(() => GatewayClientFactory.Create(new GatewaySettings(new Uri("http://127.0.0.1:9"), CaFile: "ca.pem")));
        Assert.Throws<CliInputException>(() => GatewayClientFactory.Create(new GatewaySettings(new Uri("https://127.0.0.1:9"), ClientCertificateFile: "c.pem")));
    }

    [Fact]
    public async Task Unusable_input_prints_one_error_line_and_exits_2()
    {
        var (code, output, error) = await RunAsync("--gateway", "http://127.0.0.1:9", "permit", "ship", "X", "--reference", "R", "-q", "abc");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("error: invalid input: quantity 'abc' is not a whole number from 0 to 2^96-1 (no sign, decimal point or separators).", error.Trim());
    }

    [Fact]
    public async Task A_gateway_that_does_not_answer_is_UNAVAILABLE_with_exit_code_1()
    {
        // A port that was free a moment ago: connection refused, as when the gateway is down.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (code, _, error) = await RunAsync("--gateway", $"http://127.0.0.1:{port}", "--timeout", "10", "permit", "verify", "CH/2026/1");

        Assert.Equal(1, code);
        Assert.StartsWith("error: UNAVAILABLE: ", error);
        Assert.Single(error.Trim().Split('\n'));
    }
}

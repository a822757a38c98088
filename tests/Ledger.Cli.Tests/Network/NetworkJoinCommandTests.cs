using System.CommandLine;
using Ledger.Testing;

namespace Ledger.Cli.Tests.Network;

/// <summary>
/// `ledger network join` takes the newcomer's index from the operator (--index) or from a node
/// (--rpc), exactly one: registries.json lists only the founders, so counting them would give
/// every newcomer the same addresses.
/// </summary>
public sealed class NetworkJoinCommandTests : IDisposable
{
    private static readonly string Registries = Path.Combine(ToolPaths.RepositoryRoot, "chain-config", "registries.json");
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("join-cli-");

    public NetworkJoinCommandTests() => File.WriteAllText(PasswordFile, "join-test-password\n");

    private string PasswordFile => Path.Combine(_folder.FullName, "pw.txt");

    private string Out => Path.Combine(_folder.FullName, "no");

    [Fact]
    public async Task With_neither_index_nor_rpc_it_is_refused_and_writes_nothing()
    {
        var (code, _, error) = await JoinAsync();

        Assert.Equal(2, code);
        Assert.StartsWith("error: give the newcomer's index in the nodes' address plan with --index N", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task With_both_index_and_rpc_it_is_refused()
    {
        var (code, _, error) = await JoinAsync("--index", "4", "--rpc", "http://127.0.0.1:8545");

        Assert.Equal(2, code);
        Assert.Contains("one of the two", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_founders_index_is_refused_naming_the_founder()
    {
        var (code, _, error) = await JoinAsync("--index", "1");

        Assert.Equal(2, code);
        Assert.Contains("index 1 is founder 'fr''s; a newcomer takes 4 or above", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task A_node_that_does_not_answer_is_an_error_and_writes_nothing()
    {
        var (code, _, error) = await JoinAsync("--rpc", $"http://127.0.0.1:{FreePort.Next()}/");

        Assert.Equal(2, code);
        Assert.StartsWith("error: the node did not answer the AuthorityRegistry's views", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task A_given_index_sets_the_newcomers_addresses_and_is_printed()
    {
        var (code, output, error) = await JoinAsync("--index", "5", "--devnet-seed", "join-cli-test");

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains("Index 5 in the nodes' address plan: validator 172.16.239.15 on p2p, nodes at 172.16.105.10 and 172.16.105.20", output, StringComparison.Ordinal);
        Assert.Contains("rpc-http-host=\"172.16.105.10\"", File.ReadAllText(Path.Combine(Out, "node", "config.toml")), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private async Task<(int Code, string Out, string Error)> JoinAsync(params string[] more)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args = ["network", "join", "--network", Registries, "--id", "no", "--country", "NO", "--code", "NO-MDIR",
            "--agency", "no-customs:Customs:NO-TOLL", "--out", Out, "--password-file", PasswordFile, .. more];
        var code = await LedgerCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}

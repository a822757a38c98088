using System.Diagnostics;
using System.Text.Json;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// Compiles Solidity/AbiProbe.sol with forge (solc-js) in a temporary Foundry project, starts
/// an anvil devnet on a free port and deploys the probe there; shared by the tests of a class.
/// </summary>
public sealed class AbiProbeChain : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(5);
    private readonly string _projectDir = Path.Combine(Path.GetTempPath(), $"abi-probe-{Guid.NewGuid():N}");
    private Process? _anvil;

    public ContractAbi Abi { get; private set; } = null!;

    /// <summary>solc's own selectors: "methodIdentifiers" of the artifact, signature → 8 hex digits.</summary>
    public IReadOnlyDictionary<string, string> MethodIdentifiers { get; private set; } = null!;

    public string RpcUrl { get; private set; } = "";

    public string Sender { get; private set; } = "";

    public string ContractAddress { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartupTimeout);
        var artifact = await CompileAsync(timeout.Token);
        using (var json = JsonDocument.Parse(artifact))
        {
            Abi = ContractAbi.Parse(artifact);
            MethodIdentifiers = json.RootElement.GetProperty("methodIdentifiers").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var bytecode = json.RootElement.GetProperty("bytecode").GetProperty("object").GetString()!;
            RpcUrl = await StartAnvilAsync(timeout.Token);
            var accounts = await CastBatch.RunAsync([["rpc", "--rpc-url", RpcUrl, "eth_accounts"]], timeout.Token);
            Sender = JsonDocument.Parse(accounts[0]).RootElement[0].GetString()!;
            var receipt = await CastBatch.RunAsync([Send("--create", bytecode)], timeout.Token);
            ContractAddress = JsonDocument.Parse(receipt[0]).RootElement.GetProperty("contractAddress").GetString()!;
        }
    }

    /// <summary>Arguments for <c>cast send</c> from the unlocked dev account, printing the receipt as JSON.</summary>
    public IReadOnlyList<string> Send(params string[] what) =>
        ["send", "--rpc-url", RpcUrl, "--unlocked", "--from", Sender, "--json", .. what];

    /// <summary>Arguments for <c>cast call</c> of raw calldata on the probe.</summary>
    public IReadOnlyList<string> Call(byte[] calldata) =>
        ["call", "--rpc-url", RpcUrl, ContractAddress, "--data", Hex.Encode(calldata)];

    public Task DisposeAsync()
    {
        if (_anvil is { HasExited: false })
            _anvil.Kill();
        _anvil?.Dispose();
        if (Directory.Exists(_projectDir))
            Directory.Delete(_projectDir, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<string> CompileAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(_projectDir, "src"));
        var solc = Path.Combine(ToolPaths.ContractsDir, "tools", "solc-js.mjs");
        await File.WriteAllTextAsync(Path.Combine(_projectDir, "foundry.toml"), $"""
            [profile.default]
            src = "src"
            out = "out"
            cache_path = "cache"
            solc = "{solc}"
            offline = true
            evm_version = "cancun"
            deny = "warnings"
            """, cancellationToken);
        File.Copy(Path.Combine(ToolPaths.RepositoryRoot, "tests", "Ledger.Chain.Tests", "Abi", "Solidity", "AbiProbe.sol"),
            Path.Combine(_projectDir, "src", "AbiProbe.sol"));

        var info = new ProcessStartInfo(ToolPaths.Forge, ["build", "--root", _projectDir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var forge = Process.Start(info) ?? throw new InvalidOperationException("forge did not start");
        var stdout = forge.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = forge.StandardError.ReadToEndAsync(cancellationToken);
        await forge.WaitForExitAsync(cancellationToken);
        if (forge.ExitCode != 0)
            throw new InvalidOperationException($"forge build failed ({forge.ExitCode}):\n{await stdout}\n{await stderr}");
        return await File.ReadAllTextAsync(Path.Combine(_projectDir, "out", "AbiProbe.sol", "AbiProbe.json"), cancellationToken);
    }

    // anvil prints "Listening on 127.0.0.1:PORT" once it accepts requests. Its other output
    // (the well-known dev accounts) is read and dropped, never logged.
    private async Task<string> StartAnvilAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(ToolPaths.Anvil, ["--port", "0", "--accounts", "1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _anvil = Process.Start(info) ?? throw new InvalidOperationException("anvil did not start");
        _ = _anvil.StandardError.ReadToEndAsync(CancellationToken.None);
        while (await _anvil.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            const string marker = "Listening on ";
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                _ = _anvil.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return "http://" + line[marker.Length..].Trim();
            }
        }
        throw new InvalidOperationException($"anvil exited ({_anvil.ExitCode}) without listening");
    }
}

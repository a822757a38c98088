using System.Diagnostics;
using Ledger.Core.Primitives;
using Ledger.Testing;

namespace Ledger.Contracts.Tests.Artifacts;

/// <summary>The committed artifacts are what the contracts compile to, and they load intact.</summary>
public sealed class ArtifactTests
{
    private static readonly string[] Contracts = ["AuthorityRegistry", "PermitRegistry"];
    private static readonly string CommittedDir = Path.Combine(ToolPaths.RepositoryRoot, "src", "Ledger.Contracts", "Artifacts");

    [Fact]
    public async Task Artifacts_match_a_fresh_compile()
    {
        var freshDir = Directory.CreateTempSubdirectory("artifacts-");
        try
        {
            var (exitCode, output) = await RunExportScriptAsync(freshDir.FullName);
            Assert.True(exitCode == 0, $"scripts/export-artifacts.sh failed ({exitCode}):\n{output}");
            foreach (var contract in Contracts)
            {
                var fresh = await File.ReadAllTextAsync(Path.Combine(freshDir.FullName, contract + ".json"));
                var committed = await File.ReadAllTextAsync(Path.Combine(CommittedDir, contract + ".json"));
                Assert.True(fresh == committed,
                    $"src/Ledger.Contracts/Artifacts/{contract}.json differs from a fresh compile of contracts/. Regenerate the artifacts and the error records:\n" +
                    "  scripts/export-artifacts.sh\n" +
                    "  LEDGER_REGENERATE=1 dotnet test tests/Ledger.Contracts.Tests --filter Generated_error_records_match_the_artifacts");
            }
        }
        finally
        {
            freshDir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Embedded_artifacts_load_with_the_abi_version_the_export_script_computed()
    {
        foreach (var artifact in new[] { LedgerArtifacts.AuthorityRegistry, LedgerArtifacts.PermitRegistry })
        {
            // Loading recomputed the SHA-256 of the compact ABI in C# and compared it with the one node wrote.
            Assert.Matches("^0x[0-9a-f]{64}$", artifact.AbiVersion);
            Assert.StartsWith("solc 0.8.", artifact.Compiler, StringComparison.Ordinal);
            Assert.NotNull(artifact.Abi.Constructor);
            Assert.True(artifact.Bytecode.Length > artifact.DeployedBytecode.Length, $"{artifact.Name}: init code contains the runtime code");
        }
        Assert.Empty(LedgerArtifacts.AuthorityRegistry.ImmutableReferences);
        Assert.NotEmpty(LedgerArtifacts.PermitRegistry.ImmutableReferences);
        Assert.NotEqual(LedgerArtifacts.AuthorityRegistry.AbiVersion, LedgerArtifacts.PermitRegistry.AbiVersion);
    }

    [Fact]
    public void An_artifact_edited_by_hand_is_refused()
    {
        var json = File.ReadAllText(Path.Combine(CommittedDir, "PermitRegistry.json"));
        var edited = json.Replace("\"name\":\"recordShipment\"", "\"name\":\"recordShipments\"", StringComparison.Ordinal);
        Assert.NotEqual(json, edited);
        var refusal = Assert.Throws<InvalidDataException>(() => ContractArtifact.Parse(edited));
        Assert.Contains("edited by hand", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(LedgerArtifacts.PermitRegistry.AbiVersion, ContractArtifact.Parse(json).AbiVersion);
        Assert.Throws<InvalidDataException>(() => ContractArtifact.Parse("{\"contractName\": \"X\"}"));
        Assert.Throws<ArgumentException>(() => ContractArtifact.LoadEmbedded("NoSuchContract"));
    }

    [Fact]
    public void Deployed_code_is_compared_byte_for_byte_outside_the_immutables()
    {
        var artifact = LedgerArtifacts.PermitRegistry;
        var registry = new Address(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray());
        var word = new byte[32];
        registry.Bytes.CopyTo(word.AsSpan(12));
        var code = artifact.DeployedBytecode.ToArray();
        foreach (var reference in artifact.ImmutableReferences)
            word.CopyTo(code.AsSpan(reference.Start, reference.Length));

        Assert.Null(artifact.DescribeCodeMismatch(code, _ => word));
        Assert.Null(artifact.DescribeCodeMismatch(code));
        Assert.Contains("at byte", artifact.DescribeCodeMismatch(code, _ => new byte[32]), StringComparison.Ordinal);
        var flipped = code.ToArray();
        flipped[100] ^= 1;
        Assert.Equal($"the code differs from PermitRegistry's runtime bytecode at byte 100", artifact.DescribeCodeMismatch(flipped, _ => word));
        Assert.Contains("bytes", artifact.DescribeCodeMismatch(code.AsSpan(1)), StringComparison.Ordinal);
        Assert.Equal("there is no code at the address", artifact.DescribeCodeMismatch([]));
    }

    private static async Task<(int ExitCode, string Output)> RunExportScriptAsync(string outputDir)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(ToolPaths.RepositoryRoot, "scripts", "export-artifacts.sh"), outputDir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/export-artifacts.sh did not finish within 5 minutes:\n" + await stderr);
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}

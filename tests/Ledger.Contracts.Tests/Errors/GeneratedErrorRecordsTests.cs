using Ledger.Contracts.Tests.Generation;
using Ledger.Testing;

namespace Ledger.Contracts.Tests.Errors;

/// <summary>The committed error records are exactly what the generator makes from the committed artifacts.</summary>
public sealed class GeneratedErrorRecordsTests
{
    private static readonly string ArtifactsDir = Path.Combine(ToolPaths.RepositoryRoot, "src", "Ledger.Contracts", "Artifacts");
    private static readonly string ErrorsDir = Path.Combine(ToolPaths.RepositoryRoot, "src", "Ledger.Contracts", "Errors");

    [Fact]
    public void Generated_error_records_match_the_artifacts()
    {
        var files = ErrorRecordGenerator.Generate(
            File.ReadAllText(Path.Combine(ArtifactsDir, "AuthorityRegistry.json")),
            File.ReadAllText(Path.Combine(ArtifactsDir, "PermitRegistry.json")));
        var regenerate = Environment.GetEnvironmentVariable("LEDGER_REGENERATE") == "1";
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(ErrorsDir, name);
            if (regenerate)
                File.WriteAllText(path, text);
            var committed = File.Exists(path) ? File.ReadAllText(path) : "";
            Assert.True(committed == text,
                $"{path} is not what the generator makes from the artifacts. Regenerate it with:\n" +
                "  LEDGER_REGENERATE=1 dotnet test tests/Ledger.Contracts.Tests --filter Generated_error_records_match_the_artifacts");
        }
    }
}

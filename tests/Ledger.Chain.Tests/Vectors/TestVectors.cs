using System.Text.Json;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Vectors;

/// <summary>
/// Published test vectors kept as JSON beside this file (copied verbatim from their sources,
/// named in each file or test). Read from the source tree, like the tools the tests call.
/// </summary>
internal static class TestVectors
{
    public static JsonElement Load(string fileName)
    {
        var path = Path.Combine(ToolPaths.RepositoryRoot, "tests", "Ledger.Chain.Tests", "Vectors", fileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}

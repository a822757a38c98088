using System.Text.Json;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;

namespace Ledger.Devnet.Chain;

/// <summary>
/// A committed contract artifact (src/Ledger.Contracts/Artifacts/NAME.json): its ABI and
/// creation bytecode. Read from the repository because the devnet runs inside it; the typed
/// bindings' deployer replaces this once it is merged.
/// </summary>
public sealed record ContractArtifactFile(string Name, ContractAbi Abi, byte[] Bytecode)
{
    /// <summary>Reads NAME.json from the repository's artifact folder.</summary>
    public static ContractArtifactFile Read(string repositoryRoot, string name)
    {
        var path = Path.Combine(repositoryRoot, "src", "Ledger.Contracts", "Artifacts", name + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var abi = ContractAbi.Parse(root.GetProperty("abi").GetRawText());
        var bytecode = Hex.Decode(root.GetProperty("bytecode").GetString()
            ?? throw new InvalidDataException($"{path} has no bytecode."));
        return new ContractArtifactFile(name, abi, bytecode);
    }
}

using System.Reflection;
using System.Text.Json;
using Ledger.Chain.Abi;

namespace Ledger.Gateway.Chain;

/// <summary>
/// The ABIs of the two contracts, read from the artifacts of Ledger.Contracts (embedded at
/// build time, so the gateway runs exactly the interface that was compiled and reviewed).
/// </summary>
internal static class LedgerContractAbis
{
    /// <summary>The PermitRegistry ABI.</summary>
    public static ContractAbi PermitRegistry { get; } = Load("PermitRegistry");

    /// <summary>The AuthorityRegistry ABI.</summary>
    public static ContractAbi AuthorityRegistry { get; } = Load("AuthorityRegistry");

    /// <summary>Decodes the custom errors of both contracts (a permit call may revert with an authority check error).</summary>
    public static RevertDecoder Reverts { get; } = new(PermitRegistry, AuthorityRegistry);

    private static ContractAbi Load(string contractName)
    {
        var resource = $"Ledger.Gateway.Artifacts.{contractName}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The artifact {resource} is not embedded in the gateway.");
        using var artifact = JsonDocument.Parse(stream);
        return ContractAbi.Parse(artifact.RootElement.GetProperty("abi").GetRawText());
    }
}

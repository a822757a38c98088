using System.Reflection;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Ledger.Contracts.Tests.Artifacts;

/// <summary>
/// The generated Nethereum messages (src/Ledger.Contracts/Generated) match the committed ABI
/// artifacts: every function, event and custom error of each contract has a message with the
/// same signature, selector or topic, and no message names something the ABI lacks. Selectors
/// and topics are recomputed here with Keccak from the artifact's signatures.
/// </summary>
public sealed class GeneratedBindingsTests
{
    public static TheoryData<string> Contracts => ["AuthorityRegistry", "PermitRegistry"];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_function_has_a_message_with_its_signature_and_selector(string contract)
    {
        var abi = Artifact(contract).Abi;
        var messages = Generated(contract).Where(t => t.GetCustomAttribute<FunctionAttribute>(inherit: false) is not null)
            .Select(t => ABITypedRegistry.GetFunctionABI(t)).ToArray();
        Assert.Equal(abi.Functions.Select(f => f.Signature).Order(), messages.Select(m => m.Signature).Order());
        Assert.All(messages, m => Assert.Equal(Selector(m.Signature), m.Sha3Signature));
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_event_has_a_dto_with_its_signature_and_topic(string contract)
    {
        var abi = Artifact(contract).Abi;
        var dtos = Generated(contract).Where(t => t.GetCustomAttribute<EventAttribute>(inherit: false) is not null).Select(ABITypedRegistry.GetEvent).ToArray();
        Assert.Equal(abi.Events.Select(e => e.Signature).Order(), dtos.Select(d => d.Signature).Order());
        Assert.All(dtos, d => Assert.Equal(Keccak.HashUtf8(d.Signature).ToHex()[2..], d.Sha3Signature));
        Assert.All(abi.Events, e => Assert.Equal(
            e.InputParameters.Select(p => (p.Name, p.Indexed)),
            dtos.Single(d => d.Signature == e.Signature).InputParameters.OrderBy(p => p.Order).Select(p => (p.Name, p.Indexed))));
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_error_has_a_dto_with_its_signature_and_selector(string contract)
    {
        var abi = Artifact(contract).Abi;
        var dtos = Generated(contract).Where(t => t.GetCustomAttribute<ErrorAttribute>(inherit: false) is not null).Select(ABITypedRegistry.GetError).ToArray();
        Assert.Equal(abi.Errors.Select(e => e.Signature).Order(), dtos.Select(d => d.Signature).Order());
        Assert.All(dtos, d => Assert.Equal(Selector(d.Signature), d.Sha3Signature[..8]));
    }

    [Fact]
    public void The_deployment_messages_carry_the_artifacts_bytecode()
    {
        Assert.Equal(HexText.Of(LedgerArtifacts.AuthorityRegistry.Bytecode),
            Ledger.Contracts.Generated.AuthorityRegistry.ContractDefinition.AuthorityRegistryDeploymentBase.BYTECODE);
        Assert.Equal(HexText.Of(LedgerArtifacts.PermitRegistry.Bytecode),
            Ledger.Contracts.Generated.PermitRegistry.ContractDefinition.PermitRegistryDeploymentBase.BYTECODE);
    }

    private static ContractArtifact Artifact(string contract) => contract == "PermitRegistry" ? LedgerArtifacts.PermitRegistry : LedgerArtifacts.AuthorityRegistry;

    private static Type[] Generated(string contract) =>
        typeof(ContractArtifact).Assembly.GetTypes().Where(t => t.Namespace == $"Ledger.Contracts.Generated.{contract}.ContractDefinition").ToArray();

    private static string Selector(string signature) => Keccak.HashUtf8(signature).ToHex()[2..10];
}

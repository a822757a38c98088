using Ledger.Contracts.Authorities;
using Ledger.Contracts.Permits;
using Ledger.Testing;

namespace Ledger.Contracts.Tests.Differential;

/// <summary>Topic 0 of every event, as the bindings filter logs by it, against <c>cast keccak</c> of the signature written out by hand.</summary>
public sealed class EventTopicCastTests
{
    private static readonly (string Name, string Signature, Func<string, Ledger.Core.Primitives.Bytes32> TopicOf)[] Events =
    [
        (nameof(AuthorityDesignated), "AuthorityDesignated(address,address,uint8,bytes2,bytes32)", AuthorityRegistryEvents.TopicOf),
        (nameof(AuthorityStatusChanged), "AuthorityStatusChanged(address,address,uint8)", AuthorityRegistryEvents.TopicOf),
        (nameof(ProposalCreated), "ProposalCreated(uint256,address,address,uint8,bytes2,bytes32,address,uint40,uint32)", AuthorityRegistryEvents.TopicOf),
        (nameof(ProposalVoted), "ProposalVoted(uint256,address,uint32,uint32)", AuthorityRegistryEvents.TopicOf),
        (nameof(ProposalExecuted), "ProposalExecuted(uint256,address)", AuthorityRegistryEvents.TopicOf),
        (nameof(ProposalClosed), "ProposalClosed(uint256,address)", AuthorityRegistryEvents.TopicOf),
        (nameof(ValidatorAdded), "ValidatorAdded(address,address,address)", AuthorityRegistryEvents.TopicOf),
        (nameof(ValidatorRemoved), "ValidatorRemoved(address,address,address)", AuthorityRegistryEvents.TopicOf),
        (nameof(FaultToleranceLost), "FaultToleranceLost(uint256)", AuthorityRegistryEvents.TopicOf),
        (nameof(FaultToleranceRestored), "FaultToleranceRestored(uint256)", AuthorityRegistryEvents.TopicOf),
        (nameof(GatewayPublished), "GatewayPublished(address,address,string,bytes32)", AuthorityRegistryEvents.TopicOf),
        (nameof(PermitRegistered), "PermitRegistered(bytes32,address,bytes32,bytes32)", PermitRegistryEvents.TopicOf),
        (nameof(PermitCancelled), "PermitCancelled(bytes32,address,bytes32,uint8)", PermitRegistryEvents.TopicOf),
        (nameof(PermitReplaced), "PermitReplaced(bytes32,bytes32,address,bytes32,uint8)", PermitRegistryEvents.TopicOf),
        (nameof(ShipmentRecorded), "ShipmentRecorded(bytes32,bytes32,address,bytes32,uint96[])", PermitRegistryEvents.TopicOf),
        (nameof(ArrivalConfirmed), "ArrivalConfirmed(bytes32,bytes32,address,bytes32,uint96[],bool)", PermitRegistryEvents.TopicOf),
    ];

    [Fact]
    public async Task Every_event_topic_is_the_keccak_of_its_signature()
    {
        var hashes = await CastBatch.RunAsync(Events.Select(e => (IReadOnlyList<string>)["keccak", e.Signature]).ToArray());
        for (var i = 0; i < Events.Length; i++)
            Assert.Equal(hashes[i], Events[i].TopicOf(Events[i].Name).ToString());
        Assert.Equal(11, AuthorityRegistryEvents.Topics.Count);
        Assert.Equal(5, PermitRegistryEvents.Topics.Count);
        var unknown = Assert.Throws<KeyNotFoundException>(() => PermitRegistryEvents.TopicOf("Transfer"));
        Assert.Contains("ShipmentRecorded", unknown.Message, StringComparison.Ordinal);
    }
}

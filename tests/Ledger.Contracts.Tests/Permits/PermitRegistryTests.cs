using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Permits;
using Ledger.Contracts.Tests.Devnet;
using static Ledger.Contracts.Tests.Devnet.LedgerNet;

namespace Ledger.Contracts.Tests.Permits;

/// <summary>The PermitRegistry binding on anvil: every function, and every event checked against what was sent.</summary>
public sealed class PermitRegistryTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task A_registered_permit_verifies_with_every_anchored_field()
    {
        var now = await Net.ChainTimeAsync();
        var permit = TestData.Permit(now, lines: [5, 7, (UInt128.One << 96) - 1], destination: NO, maxShipments: 2) with { PermitType = PermitType.EPhyto };
        var registry = Net.IssuerCH.Permits;

        var outcome = await registry.RegisterAsync(permit);
        var registered = (PermitRegistered)Expect.Events(registry.DecodeEvents(outcome.Receipt), outcome, registry.Address, typeof(PermitRegistered))[0];
        Assert.Equal((permit.Key, Net.IssuerCH.Address, permit.ActorRef, permit.DocumentHash),
            (registered.Key, registered.Issuer, registered.ActorRef, registered.DocumentHash));

        var view = await registry.VerifyAsync(permit.Key);
        Assert.Equal((VerificationStatus.Valid, VerificationReason.None, Net.IssuerCH.Address, CH, PermitType.EPhyto),
            (view.Status, view.Reason, view.Issuer, view.IssuerCountry, view.PermitType));
        Assert.Equal((permit.ValidFrom, permit.ValidUntil, NO, (ushort)0, (ushort)2), (view.ValidFrom, view.ValidUntil, view.Destination, view.ShipmentsUsed, view.MaxShipments));
        Assert.Equal(permit.Lines, view.Authorised);
        Assert.Equal([UInt128.Zero, UInt128.Zero, UInt128.Zero], view.Used);
        Assert.Equal(permit.Lines, view.Remaining);
        Assert.Equal((permit.DocumentHash, Bytes32.Zero, Bytes32.Zero, (byte)0), (view.DocumentHash, view.PreviousKey, view.ReplacementKey, view.CancelReason));

        Assert.True(await registry.DocumentMatchesAsync(permit.Key, permit.DocumentHash));
        Assert.False(await registry.DocumentMatchesAsync(permit.Key, TestData.RandomHash()));
        Assert.False(await registry.DocumentMatchesAsync(TestData.RandomHash(), permit.DocumentHash));
    }

    [Fact]
    public async Task An_unknown_permit_is_not_available()
    {
        var view = await Net.Deployer.Permits.VerifyAsync(TestData.RandomHash());
        Assert.Equal((VerificationStatus.NotAvailable, VerificationReason.Unknown, Address.Zero), (view.Status, view.Reason, view.Issuer));
        Assert.Empty(view.Authorised);
    }

    [Fact]
    public async Task A_batch_registers_every_permit_in_one_transaction()
    {
        var now = await Net.ChainTimeAsync();
        PermitInput[] batch = [TestData.Permit(now), TestData.Permit(now, lines: [1, 2]), TestData.Permit(now, maxShipments: 0) with { PermitType = PermitType.CitesCertificate }];
        var registry = Net.IssuerFR.Permits;
        var outcome = await registry.RegisterBatchAsync(batch);
        var events = Expect.Events(registry.DecodeEvents(outcome.Receipt), outcome, registry.Address, [.. batch.Select(_ => typeof(PermitRegistered))]);
        Assert.Equal(batch.Select(p => (p.Key, Net.IssuerFR.Address, p.ActorRef, p.DocumentHash)),
            events.Cast<PermitRegistered>().Select(e => (e.Key, e.Issuer, e.ActorRef, e.DocumentHash)));
        foreach (var permit in batch)
            Assert.Equal(VerificationStatus.Valid, (await registry.VerifyAsync(permit.Key)).Status);
        Assert.Equal(0, (await registry.VerifyAsync(batch[2].Key)).MaxShipments);
    }

    [Fact]
    public async Task A_cancelled_permit_verifies_as_cancelled_with_its_reason()
    {
        var permit = TestData.Permit(await Net.ChainTimeAsync());
        await Net.IssuerCH.Permits.RegisterAsync(permit);
        var actorRef = TestData.RandomHash();
        var outcome = await Net.IssuerCH.Permits.CancelAsync(permit.Key, 3, actorRef);
        var cancelled = (PermitCancelled)Expect.Events(Net.IssuerCH.Permits.DecodeEvents(outcome.Receipt), outcome, Net.Deployment.PermitRegistry.Address,
            typeof(PermitCancelled))[0];
        Assert.Equal((permit.Key, Net.IssuerCH.Address, actorRef, (byte)3), (cancelled.Key, cancelled.Issuer, cancelled.ActorRef, cancelled.ReasonCode));
        var view = await Net.Deployer.Permits.VerifyAsync(permit.Key);
        Assert.Equal((VerificationStatus.Cancelled, VerificationReason.Cancelled, (byte)3), (view.Status, view.Reason, view.CancelReason));
    }

    [Fact]
    public async Task A_replacement_links_both_permits_and_announces_the_new_one()
    {
        var now = await Net.ChainTimeAsync();
        var old = TestData.Permit(now);
        await Net.IssuerNO.Permits.RegisterAsync(old);
        var replacement = TestData.Permit(now, lines: [20]) with { PreviousKey = old.Key };
        var actorRef = TestData.RandomHash();

        var outcome = await Net.IssuerNO.Permits.ReplaceAsync(old.Key, 9, replacement, actorRef);
        var events = Expect.Events(Net.IssuerNO.Permits.DecodeEvents(outcome.Receipt), outcome, Net.Deployment.PermitRegistry.Address,
            typeof(PermitRegistered), typeof(PermitReplaced));
        var registered = (PermitRegistered)events[0];
        Assert.Equal((replacement.Key, Net.IssuerNO.Address, replacement.ActorRef, replacement.DocumentHash),
            (registered.Key, registered.Issuer, registered.ActorRef, registered.DocumentHash));
        var replaced = (PermitReplaced)events[1];
        Assert.Equal((old.Key, replacement.Key, Net.IssuerNO.Address, actorRef, (byte)9),
            (replaced.OldKey, replaced.NewKey, replaced.Issuer, replaced.ActorRef, replaced.ReasonCode));

        var oldView = await Net.Deployer.Permits.VerifyAsync(old.Key);
        Assert.Equal((VerificationStatus.Cancelled, VerificationReason.Replaced, replacement.Key, (byte)9),
            (oldView.Status, oldView.Reason, oldView.ReplacementKey, oldView.CancelReason));
        var newView = await Net.Deployer.Permits.VerifyAsync(replacement.Key);
        Assert.Equal((VerificationStatus.Valid, old.Key), (newView.Status, newView.PreviousKey));
    }

    [Fact]
    public async Task Export_customs_record_a_shipment_once_and_a_repeat_changes_nothing()
    {
        var permit = TestData.Permit(await Net.ChainTimeAsync(), lines: [10, 4]);
        await Net.IssuerCH.Permits.RegisterAsync(permit);
        var customs = Net.CustomsCH.Permits;
        var shipmentRef = TestData.RandomHash();
        var actorRef = TestData.RandomHash();
        UInt128[] quantities = [6, 0];

        var first = await customs.RecordShipmentAsync(permit.Key, shipmentRef, quantities, actorRef);
        Assert.True(first.Value);
        var recorded = (ShipmentRecorded)Expect.Events(customs.DecodeEvents(first.Outcome.Receipt), first.Outcome, customs.Address, typeof(ShipmentRecorded))[0];
        Assert.Equal((permit.Key, shipmentRef, Net.CustomsCH.Address, actorRef), (recorded.Key, recorded.ShipmentRef, recorded.Customs, recorded.ActorRef));
        Assert.Equal(quantities, recorded.Quantities);

        var repeat = await customs.RecordShipmentAsync(permit.Key, shipmentRef, quantities, actorRef);
        Assert.False(repeat.Value);
        Assert.Empty(customs.DecodeEvents(repeat.Outcome.Receipt));

        var view = await customs.VerifyAsync(permit.Key);
        Assert.Equal([(UInt128)6, 0], view.Used);
        Assert.Equal(1, view.ShipmentsUsed);
        Assert.Equal(VerificationReason.Exhausted, view.Reason);
        var shipment = await customs.ShipmentOfAsync(permit.Key, shipmentRef);
        Assert.Equal((true, false), (shipment.ExportRecorded, shipment.ImportRecorded));
        Assert.Equal(quantities, shipment.Exported);
        Assert.Equal([UInt128.Zero, UInt128.Zero], shipment.Imported);
    }

    [Fact]
    public async Task Import_customs_confirm_an_exported_shipment_without_consuming_it_again()
    {
        var permit = TestData.Permit(await Net.ChainTimeAsync(), lines: [10]);
        await Net.IssuerCH.Permits.RegisterAsync(permit);
        var shipmentRef = TestData.RandomHash();
        await Net.CustomsCH.Permits.RecordShipmentAsync(permit.Key, shipmentRef, [8], TestData.RandomHash());

        var actorRef = TestData.RandomHash();
        var confirmed = await Net.CustomsFR.Permits.ConfirmArrivalAsync(permit.Key, shipmentRef, [7], actorRef);
        Assert.True(confirmed.Value);
        var arrival = (ArrivalConfirmed)Expect.Events(Net.CustomsFR.Permits.DecodeEvents(confirmed.Outcome.Receipt), confirmed.Outcome,
            Net.Deployment.PermitRegistry.Address, typeof(ArrivalConfirmed))[0];
        Assert.Equal((permit.Key, shipmentRef, Net.CustomsFR.Address, actorRef, false), (arrival.Key, arrival.ShipmentRef, arrival.Customs, arrival.ActorRef, arrival.Consumed));
        Assert.Equal([(UInt128)7], arrival.Quantities);
        Assert.Equal([(UInt128)8], (await Net.Deployer.Permits.VerifyAsync(permit.Key)).Used);

        var repeat = await Net.CustomsFR.Permits.ConfirmArrivalAsync(permit.Key, shipmentRef, [7], actorRef);
        Assert.False(repeat.Value);
        var shipment = await Net.Deployer.Permits.ShipmentOfAsync(permit.Key, shipmentRef);
        Assert.Equal((true, true, (UInt128)8, (UInt128)7), (shipment.ExportRecorded, shipment.ImportRecorded, shipment.Exported[0], shipment.Imported[0]));
    }

    [Fact]
    public async Task An_arrival_without_an_export_record_consumes_the_permit()
    {
        var permit = TestData.Permit(await Net.ChainTimeAsync(), lines: [10]);
        await Net.IssuerCH.Permits.RegisterAsync(permit);
        var confirmed = await Net.CustomsFR.Permits.ConfirmArrivalAsync(permit.Key, TestData.RandomHash(), [4], TestData.RandomHash());
        Assert.True(((ArrivalConfirmed)Net.CustomsFR.Permits.DecodeEvents(confirmed.Outcome.Receipt).Single()).Consumed);
        var view = await Net.Deployer.Permits.VerifyAsync(permit.Key);
        Assert.Equal(((UInt128)4, (ushort)1), (view.Used[0], view.ShipmentsUsed));
    }

    [Fact]
    public async Task The_constants_and_the_authority_registry_are_readable()
    {
        var registry = Net.Deployer.Permits;
        Assert.Equal(100UL, await registry.MaxBatchAsync());
        Assert.Equal(16UL, await registry.MaxLinesAsync());
        Assert.Equal((ulong)PermitRegistryContract.MaxVerifyBatch, await registry.MaxVerifyBatchAsync());
        Assert.Equal(Net.Deployment.AuthorityRegistry.Address, await registry.AuthorityRegistryAsync());
    }

    [Fact]
    public async Task Many_permits_verify_in_one_call_as_each_verifies_alone_in_that_block()
    {
        var valid = TestData.Permit(await Net.ChainTimeAsync(), lines: [10, 20]);
        var cancelled = TestData.Permit(await Net.ChainTimeAsync());
        await Net.IssuerCH.Permits.RegisterBatchAsync([valid, cancelled]);
        await Net.IssuerCH.Permits.CancelAsync(cancelled.Key, 2, TestData.RandomHash());
        Bytes32[] keys = [valid.Key, TestData.RandomHash(), cancelled.Key, valid.Key];

        var many = await Net.Deployer.Permits.VerifyManyAtHeadAsync(keys);

        Assert.Equal(keys.Length, many.Count);
        Assert.Single(many.Select(a => a.BlockNumber).Distinct());
        var atThatBlock = new BlockParameter(new HexBigInteger(many[0].BlockNumber));
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equivalent(await Net.Deployer.Permits.VerifyAtHeadAsync(keys[i], atThatBlock), many[i], strict: true);
            // verify(key) is still decoded by Nethereum: an independent decoder of the same tuple.
            Assert.Equivalent(await Net.Deployer.Permits.VerifyAsync(keys[i], atThatBlock), many[i].Verification, strict: true);
        }
        Assert.Equal(
            [VerificationStatus.Valid, VerificationStatus.NotAvailable, VerificationStatus.Cancelled, VerificationStatus.Valid],
            many.Select(a => a.Verification.Status));
        Assert.Empty(await Net.Deployer.Permits.VerifyManyAtHeadAsync([]));
    }

    [Fact]
    public async Task A_permits_events_are_found_by_its_key_in_chain_order()
    {
        var permit = TestData.Permit(await Net.ChainTimeAsync(), lines: [10], maxShipments: 2);
        var registered = await Net.IssuerCH.Permits.RegisterAsync(permit);
        var other = TestData.Permit(await Net.ChainTimeAsync());
        await Net.IssuerCH.Permits.RegisterAsync(other);
        var shipmentRef = TestData.RandomHash();
        await Net.CustomsCH.Permits.RecordShipmentAsync(permit.Key, shipmentRef, [3], TestData.RandomHash());
        await Net.CustomsFR.Permits.ConfirmArrivalAsync(permit.Key, shipmentRef, [3], TestData.RandomHash());
        var cancelled = await Net.IssuerCH.Permits.CancelAsync(permit.Key, 1, TestData.RandomHash());

        var events = await Net.Deployer.Permits.ReadPermitEventsAsync(permit.Key, registered.BlockNumber, cancelled.BlockNumber).ToListAsync();
        Assert.Equal([typeof(PermitRegistered), typeof(ShipmentRecorded), typeof(ArrivalConfirmed), typeof(PermitCancelled)], events.Select(e => e.GetType()));
        var all = await Net.Deployer.Permits.ReadEventsAsync(registered.BlockNumber, cancelled.BlockNumber, maxBlocksPerPage: 1).ToListAsync();
        Assert.Contains(all, e => e is PermitRegistered r && r.Key == other.Key);
        var positions = all.Select(e => (e.Log.BlockNumber, e.Log.LogIndex)).ToArray();
        Assert.Equal(positions.Order(), positions);
        Assert.All(events, e => Assert.Contains((e.Log.BlockNumber, e.Log.LogIndex), positions));
    }

    [Fact]
    public void Logs_of_other_contracts_are_not_mistaken_for_permit_events()
    {
        var log = new FilterLog
        {
            Address = Net.Deployment.PermitRegistry.Address.ToLowerHex(), Topics = [TestData.RandomHash().ToHex()], Data = "0x",
            BlockNumber = new HexBigInteger(1), BlockHash = Bytes32.Zero.ToHex(), TransactionHash = Bytes32.Zero.ToHex(), LogIndex = new HexBigInteger(0),
        };
        Assert.Null(PermitRegistryEvents.TryDecode(log));
        // The right topic 0 but too few topics: another contract's event with the same signature and other indexing.
        var sameName = new FilterLog
        {
            Address = log.Address, Topics = [PermitRegistryEvents.TopicOf(nameof(PermitRegistered)).ToHex()], Data = "0x",
            BlockNumber = log.BlockNumber, BlockHash = log.BlockHash, TransactionHash = log.TransactionHash, LogIndex = log.LogIndex,
        };
        Assert.Null(PermitRegistryEvents.TryDecode(sameName));
        Assert.Null(Contracts.Authorities.AuthorityRegistryEvents.TryDecode(sameName));
    }
}

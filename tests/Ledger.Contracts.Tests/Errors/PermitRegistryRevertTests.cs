using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Errors;
using Ledger.Contracts.Permits;
using Ledger.Contracts.Tests.Devnet;
using static Ledger.Contracts.Tests.Devnet.LedgerNet;

using Nethereum.Contracts;
using PermitRegistryDeployment = Ledger.Contracts.Generated.PermitRegistry.ContractDefinition.PermitRegistryDeployment;

namespace Ledger.Contracts.Tests.Errors;

/// <summary>
/// Every PermitRegistry error, triggered for real on anvil and decoded into its record. Test
/// names start with the error's name (<see cref="ErrorCoverageTests"/> relies on it).
/// </summary>
public sealed class PermitRegistryRevertTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    private PermitRegistryContract Issuer => Net.IssuerCH.Permits;

    private PermitRegistryContract ExportCustoms => Net.CustomsCH.Permits;

    private PermitRegistryContract ImportCustoms => Net.CustomsFR.Permits;

    // ------------------------------------------------------------------ authorisation

    [Fact]
    public async Task AuthorityNotActive_when_a_stranger_registers()
    {
        var stranger = Net.Spare[0];
        var (error, _) = await Expect.Refusal<AuthorityNotActive>(async () => await stranger.Permits.RegisterAsync(await NewPermitAsync()));
        Assert.Equal(new AuthorityNotActive(stranger.Address, AuthorityStatus.None), error);
    }

    [Fact]
    public async Task WrongAuthorityKind_when_customs_register()
    {
        var (error, _) = await Expect.Refusal<WrongAuthorityKind>(async () => await ExportCustoms.RegisterAsync(await NewPermitAsync()));
        Assert.Equal(new WrongAuthorityKind(Net.CustomsCH.Address, AuthorityKind.Customs, AuthorityKind.Issuer), error);
    }

    [Fact]
    public async Task WrongCountry_when_customs_of_another_country_record_the_export()
    {
        var permit = await RegisterAsync();
        var (error, _) = await Expect.Refusal<WrongCountry>(() => Net.CustomsNO.Permits.RecordShipmentAsync(permit.Key, TestData.RandomHash(), [1], TestData.RandomHash()));
        Assert.Equal(new WrongCountry(Net.CustomsNO.Address, NO, CH), error);
    }

    // ------------------------------------------------------------------ views

    [Fact]
    public async Task VerifyBatchTooLarge_when_more_keys_than_the_bound_are_verified_at_once()
    {
        var keys = Enumerable.Range(0, PermitRegistryContract.MaxVerifyBatch + 1).Select(_ => TestData.RandomHash()).ToArray();
        var (error, _) = await Expect.Refusal<VerifyBatchTooLarge>(() => Net.Deployer.Permits.VerifyManyAtHeadAsync(keys));
        Assert.Equal(new VerifyBatchTooLarge((ulong)keys.Length, PermitRegistryContract.MaxVerifyBatch), error);
    }

    // ------------------------------------------------------------------ registration

    [Fact]
    public async Task InvalidAuthorityRegistry_when_deployed_on_an_address_without_code()
    {
        // The deployer always passes its fresh AuthorityRegistry; the constructor is called directly.
        var account = TestData.RandomAddress();
        var data = new PermitRegistryDeployment { Authorityregistry = account.ToLowerHex() }.GetDeploymentData();
        var reverted = await Assert.ThrowsAsync<TransactionRevertedException>(() => Net.Deployer.Sender.SendAsync(new TransactionRequest(null, data)));
        Assert.Equal(new InvalidAuthorityRegistry(account), ContractErrors.TryDecode(reverted.RevertData.Span));
    }

    [Fact]
    public async Task ZeroPermitKey_when_the_key_is_zero()
    {
        var (error, _) = await Expect.Refusal<ZeroPermitKey>(async () => await Issuer.RegisterAsync(await NewPermitAsync() with { Key = Bytes32.Zero }));
        Assert.Equal(new ZeroPermitKey(), error);
    }

    [Fact]
    public async Task ZeroDocumentHash_when_the_document_hash_is_zero()
    {
        var permit = await NewPermitAsync() with { DocumentHash = Bytes32.Zero };
        var (error, _) = await Expect.Refusal<ZeroDocumentHash>(() => Issuer.RegisterAsync(permit));
        Assert.Equal(new ZeroDocumentHash(permit.Key), error);
    }

    [Fact]
    public async Task InvalidValidity_when_the_window_ends_before_it_starts()
    {
        var permit = await NewPermitAsync();
        permit = permit with { ValidUntil = permit.ValidFrom };
        var (error, _) = await Expect.Refusal<InvalidValidity>(() => Issuer.RegisterAsync(permit));
        Assert.Equal(new InvalidValidity(permit.Key, permit.ValidFrom, permit.ValidFrom), error);
    }

    [Fact]
    public async Task InvalidCountry_when_the_destination_is_not_two_capital_letters()
    {
        var permit = await NewPermitAsync() with { Destination = new CountryBytes(0x4600) };
        var (error, _) = await Expect.Refusal<InvalidCountry>(() => Issuer.RegisterAsync(permit));
        Assert.Equal(new InvalidCountry(new CountryBytes(0x4600)), error);
    }

    [Fact]
    public async Task InvalidLineCount_when_a_permit_has_seventeen_lines()
    {
        var permit = await NewPermitAsync() with { Lines = Enumerable.Repeat((UInt128)1, 17).ToArray() };
        var (error, _) = await Expect.Refusal<InvalidLineCount>(() => Issuer.RegisterAsync(permit));
        Assert.Equal(new InvalidLineCount(permit.Key, 17), error);
    }

    [Fact]
    public async Task ZeroAuthorisedQuantity_when_a_later_line_is_zero()
    {
        var permit = await NewPermitAsync() with { Lines = [5, 6, 0] };
        var (error, _) = await Expect.Refusal<ZeroAuthorisedQuantity>(() => Issuer.RegisterAsync(permit));
        Assert.Equal(new ZeroAuthorisedQuantity(permit.Key, 2), error);
    }

    [Fact]
    public async Task UnlimitedShipmentsNotAllowed_when_an_ephyto_allows_unlimited_shipments()
    {
        var permit = await NewPermitAsync() with { PermitType = PermitType.EPhyto, MaxShipments = 0 };
        var (error, _) = await Expect.Refusal<UnlimitedShipmentsNotAllowed>(() => Issuer.RegisterAsync(permit));
        Assert.Equal(new UnlimitedShipmentsNotAllowed(permit.Key, PermitType.EPhyto), error);
    }

    [Fact]
    public async Task SelfReference_when_a_permit_names_itself_as_previous()
    {
        var permit = await NewPermitAsync();
        permit = permit with { PreviousKey = permit.Key };
        var (error, _) = await Expect.Refusal<SelfReference>(() => Issuer.RegisterAsync(permit));
        Assert.Equal(new SelfReference(permit.Key), error);
    }

    [Fact]
    public async Task PermitAlreadyRegistered_when_a_key_is_registered_again()
    {
        var permit = await RegisterAsync();
        var (error, _) = await Expect.Refusal<PermitAlreadyRegistered>(() => Net.IssuerFR.Permits.RegisterAsync(permit with { DocumentHash = TestData.RandomHash() }));
        Assert.Equal(new PermitAlreadyRegistered(permit.Key), error);
    }

    [Fact]
    public async Task InvalidBatchSize_when_a_batch_is_empty()
    {
        var (error, _) = await Expect.Refusal<InvalidBatchSize>(() => Issuer.RegisterBatchAsync([]));
        Assert.Equal(new InvalidBatchSize(0, 100), error);
    }

    // ------------------------------------------------------------------ cancellation and replacement

    [Fact]
    public async Task UnknownPermit_when_cancelling_a_key_never_registered()
    {
        var key = TestData.RandomHash();
        var (error, _) = await Expect.Refusal<UnknownPermit>(() => Issuer.CancelAsync(key, 1, TestData.RandomHash()));
        Assert.Equal(new UnknownPermit(key), error);
    }

    [Fact]
    public async Task PermitAlreadyClosed_when_cancelling_twice()
    {
        var permit = await RegisterAsync();
        await Issuer.CancelAsync(permit.Key, 1, TestData.RandomHash());
        var (error, _) = await Expect.Refusal<PermitAlreadyClosed>(() => Issuer.CancelAsync(permit.Key, 2, TestData.RandomHash()));
        Assert.Equal(new PermitAlreadyClosed(permit.Key, PermitState.Cancelled), error);
    }

    [Fact]
    public async Task ZeroReasonCode_when_cancelling_without_a_reason()
    {
        var permit = await RegisterAsync();
        var (error, _) = await Expect.Refusal<ZeroReasonCode>(() => Issuer.CancelAsync(permit.Key, 0, TestData.RandomHash()));
        Assert.Equal(new ZeroReasonCode(permit.Key), error);
    }

    [Fact]
    public async Task PreviousKeyMismatch_when_a_replacement_names_another_previous_permit()
    {
        var old = await RegisterAsync();
        var replacement = await NewPermitAsync() with { PreviousKey = TestData.RandomHash() };
        var (error, _) = await Expect.Refusal<PreviousKeyMismatch>(() => Issuer.ReplaceAsync(old.Key, 1, replacement, TestData.RandomHash()));
        Assert.Equal(new PreviousKeyMismatch(replacement.Key, replacement.PreviousKey, old.Key), error);
    }

    // ------------------------------------------------------------------ shipments

    [Fact]
    public async Task PermitNotUsable_when_shipping_on_a_cancelled_permit()
    {
        var permit = await RegisterAsync();
        await Issuer.CancelAsync(permit.Key, 4, TestData.RandomHash());
        var (error, _) = await Expect.Refusal<PermitNotUsable>(() => ExportCustoms.RecordShipmentAsync(permit.Key, TestData.RandomHash(), [1], TestData.RandomHash()));
        Assert.Equal(new PermitNotUsable(permit.Key, VerificationReason.Cancelled), error);
    }

    [Fact]
    public async Task PermitNotUsable_when_shipping_on_an_expired_permit()
    {
        var now = await Net.ChainTimeAsync();
        var permit = await NewPermitAsync() with { ValidFrom = now - 7200, ValidUntil = now - 3600 };
        await Issuer.RegisterAsync(permit);
        var (error, _) = await Expect.Refusal<PermitNotUsable>(() => ExportCustoms.RecordShipmentAsync(permit.Key, TestData.RandomHash(), [1], TestData.RandomHash()));
        Assert.Equal(new PermitNotUsable(permit.Key, VerificationReason.Expired), error);
    }

    [Fact]
    public async Task NoDestination_when_confirming_an_arrival_on_a_permit_without_destination()
    {
        var permit = await RegisterAsync(await NewPermitAsync() with { Destination = CountryBytes.None });
        var (error, _) = await Expect.Refusal<NoDestination>(() => ImportCustoms.ConfirmArrivalAsync(permit.Key, TestData.RandomHash(), [1], TestData.RandomHash()));
        Assert.Equal(new NoDestination(permit.Key), error);
    }

    [Fact]
    public async Task ZeroShipmentRef_when_the_shipment_reference_is_zero()
    {
        var permit = await RegisterAsync();
        var (error, _) = await Expect.Refusal<ZeroShipmentRef>(() => ExportCustoms.RecordShipmentAsync(permit.Key, Bytes32.Zero, [1], TestData.RandomHash()));
        Assert.Equal(new ZeroShipmentRef(permit.Key), error);
    }

    [Fact]
    public async Task LineCountMismatch_when_quantities_do_not_match_the_lines()
    {
        var permit = await RegisterAsync(await NewPermitAsync() with { Lines = [5, 5] });
        var (error, _) = await Expect.Refusal<LineCountMismatch>(() => ExportCustoms.RecordShipmentAsync(permit.Key, TestData.RandomHash(), [1], TestData.RandomHash()));
        Assert.Equal(new LineCountMismatch(permit.Key, 2, 1), error);
    }

    [Fact]
    public async Task EmptyShipment_when_every_quantity_is_zero()
    {
        var permit = await RegisterAsync(await NewPermitAsync() with { Lines = [5, 5] });
        var shipmentRef = TestData.RandomHash();
        var (error, _) = await Expect.Refusal<EmptyShipment>(() => ExportCustoms.RecordShipmentAsync(permit.Key, shipmentRef, [0, 0], TestData.RandomHash()));
        Assert.Equal(new EmptyShipment(permit.Key, shipmentRef), error);
    }

    [Fact]
    public async Task QuantityExceeded_when_a_line_has_less_left_than_asked()
    {
        var permit = await RegisterAsync(await NewPermitAsync() with { Lines = [5] });
        var (error, _) = await Expect.Refusal<QuantityExceeded>(() => ExportCustoms.RecordShipmentAsync(permit.Key, TestData.RandomHash(), [6], TestData.RandomHash()));
        Assert.Equal(new QuantityExceeded(permit.Key, 0, 6, 5), error);
    }

    [Fact]
    public async Task ShipmentLimitReached_when_a_one_shipment_permit_is_used_again()
    {
        var permit = await RegisterAsync(await NewPermitAsync() with { Lines = [10] });
        await ExportCustoms.RecordShipmentAsync(permit.Key, TestData.RandomHash(), [4], TestData.RandomHash());
        var (error, _) = await Expect.Refusal<ShipmentLimitReached>(() => ExportCustoms.RecordShipmentAsync(permit.Key, TestData.RandomHash(), [4], TestData.RandomHash()));
        Assert.Equal(new ShipmentLimitReached(permit.Key, 1, 1), error);
    }

    [Fact]
    public async Task ShipmentConflict_when_a_reference_is_recorded_again_with_other_quantities()
    {
        var permit = await RegisterAsync(await NewPermitAsync() with { Lines = [10] });
        var shipmentRef = TestData.RandomHash();
        await ExportCustoms.RecordShipmentAsync(permit.Key, shipmentRef, [4], TestData.RandomHash());
        var (error, _) = await Expect.Refusal<ShipmentConflict>(() => ExportCustoms.RecordShipmentAsync(permit.Key, shipmentRef, [5], TestData.RandomHash()));
        Assert.Equal(new ShipmentConflict(permit.Key, shipmentRef), error);
    }

    [Fact]
    public async Task ArrivalExceedsExport_when_more_arrives_than_was_exported()
    {
        var permit = await RegisterAsync(await NewPermitAsync() with { Lines = [10, 10] });
        var shipmentRef = TestData.RandomHash();
        await ExportCustoms.RecordShipmentAsync(permit.Key, shipmentRef, [4, 3], TestData.RandomHash());
        var (error, _) = await Expect.Refusal<ArrivalExceedsExport>(() => ImportCustoms.ConfirmArrivalAsync(permit.Key, shipmentRef, [4, 5], TestData.RandomHash()));
        Assert.Equal(new ArrivalExceedsExport(permit.Key, shipmentRef, 1, 5, 3), error);
    }

    [Fact]
    public async Task ExportBelowArrival_when_a_late_export_states_less_than_arrived()
    {
        var permit = await RegisterAsync(await NewPermitAsync() with { Lines = [10] });
        var shipmentRef = TestData.RandomHash();
        await ImportCustoms.ConfirmArrivalAsync(permit.Key, shipmentRef, [6], TestData.RandomHash());
        var (error, _) = await Expect.Refusal<ExportBelowArrival>(() => ExportCustoms.RecordShipmentAsync(permit.Key, shipmentRef, [5], TestData.RandomHash()));
        Assert.Equal(new ExportBelowArrival(permit.Key, shipmentRef, 0, 5, 6), error);
    }

    private async Task<PermitInput> NewPermitAsync() => TestData.Permit(await Net.ChainTimeAsync());

    private async Task<PermitInput> RegisterAsync(PermitInput? permit = null)
    {
        permit ??= await NewPermitAsync();
        await Issuer.RegisterAsync(permit);
        return permit;
    }
}

using Ledger.Core.Primitives;
using Ledger.Contracts.Binding;
using Ledger.Contracts.Errors;
using ShipmentView = Ledger.Contracts.Permits.ShipmentView;
using PermitInput = Ledger.Contracts.Permits.PermitInput;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Generated.PermitRegistry.ContractDefinition;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Permits;

/// <summary>
/// Typed binding of a deployed PermitRegistry: one method per contract function. Reads use
/// eth_call (optionally at a given block); writes go through the <see cref="ITransactionSender"/>,
/// whose account is msg.sender, and return once mined. A refusal by the contract throws
/// <see cref="ContractErrorException"/> with the typed error (e.g. <see cref="QuantityExceeded"/>);
/// a write refused during gas estimation sent nothing and consumed nothing.
/// Safe for concurrent use as far as the RPC client and sender are.
/// </summary>
public sealed class PermitRegistryContract
{
    /// <summary>
    /// The contract's <c>MAX_VERIFY_BATCH</c>: most keys one <see cref="VerifyManyAtHeadAsync"/> call
    /// may carry (a test reads it from the deployed contract). Callers chunk by it.
    /// </summary>
    public const int MaxVerifyBatch = 256;

    private readonly ContractChannel _channel;

    /// <summary>Binds the registry at <paramref name="address"/>.</summary>
    /// <param name="address">The deployed contract.</param>
    /// <param name="client">The node (or <see cref="NodePool"/>) to read from.</param>
    /// <param name="sender">Sends the writes; null for a read-only binding (writes then throw <see cref="InvalidOperationException"/>).</param>
    public PermitRegistryContract(Address address, IClient client, ITransactionSender? sender = null)
    {
        _channel = new ContractChannel(LedgerArtifacts.PermitRegistry, address, client, sender);
    }

    /// <summary>The contract's address.</summary>
    public Address Address => _channel.Address;

    // ------------------------------------------------------------------ issuers

    /// <summary><c>register(permit)</c>: anchors a permit of the sender's country. Sender: an active Issuer.</summary>
    public Task<TransactionOutcome> RegisterAsync(PermitInput permit, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(PermitRegistryCalls.Register(permit), cancellationToken);

    /// <summary><c>registerBatch(permits)</c>: anchors 1 to MAX_BATCH permits, all or none. Sender: an active Issuer.</summary>
    public Task<TransactionOutcome> RegisterBatchAsync(IReadOnlyList<PermitInput> permits, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(PermitRegistryCalls.RegisterBatch(permits), cancellationToken);

    /// <summary><c>cancel(key, reasonCode, actorRef)</c>: cancels an active permit for good. Sender: an active Issuer of the permit's country.</summary>
    /// <param name="key">The permit key.</param>
    /// <param name="reasonCode">The issuer's non-zero reason code.</param>
    /// <param name="actorRef">Hash of the official's identity.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    public Task<TransactionOutcome> CancelAsync(Bytes32 key, byte reasonCode, Bytes32 actorRef, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(PermitRegistryCalls.Cancel(key, reasonCode, actorRef), cancellationToken);

    /// <summary>
    /// <c>replace(oldKey, reasonCode, newPermit, actorRef)</c>: cancels <paramref name="oldKey"/> as
    /// replaced and registers <paramref name="newPermit"/>, linked both ways. Sender: an active Issuer of the old permit's country.
    /// </summary>
    /// <param name="oldKey">The active permit to replace.</param>
    /// <param name="reasonCode">The issuer's non-zero reason code.</param>
    /// <param name="newPermit">The replacement; its PreviousKey must be zero or <paramref name="oldKey"/>.</param>
    /// <param name="actorRef">Hash of the official's identity, for the replacement event.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    public Task<TransactionOutcome> ReplaceAsync(Bytes32 oldKey, byte reasonCode, PermitInput newPermit, Bytes32 actorRef, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(PermitRegistryCalls.Replace(oldKey, reasonCode, newPermit, actorRef), cancellationToken);

    // ------------------------------------------------------------------ customs

    /// <summary>
    /// <c>recordShipment(key, shipmentRef, quantities, actorRef)</c>: export side; consumes the
    /// permit. Sender: an active Customs of the issuer's country.
    /// </summary>
    /// <returns>The outcome, and true when recorded now or false for an idempotent repeat (same reference and quantities).</returns>
    public Task<TransactionResult<bool>> RecordShipmentAsync(Bytes32 key, Bytes32 shipmentRef, IReadOnlyList<UInt128> quantities, Bytes32 actorRef,
        CancellationToken cancellationToken = default) =>
        SendShipmentAsync<ShipmentRecorded>(PermitRegistryCalls.RecordShipment(key, shipmentRef, quantities, actorRef), e => e.Key == key && e.ShipmentRef == shipmentRef,
            cancellationToken);

    /// <summary>
    /// <c>confirmArrival(key, shipmentRef, quantities, actorRef)</c>: import side (EPIX CONFIRM
    /// QUANTITIES). Sender: an active Customs of the permit's destination country.
    /// </summary>
    /// <returns>The outcome, and true when recorded now or false for an idempotent repeat.</returns>
    public Task<TransactionResult<bool>> ConfirmArrivalAsync(Bytes32 key, Bytes32 shipmentRef, IReadOnlyList<UInt128> quantities, Bytes32 actorRef,
        CancellationToken cancellationToken = default) =>
        SendShipmentAsync<ArrivalConfirmed>(PermitRegistryCalls.ConfirmArrival(key, shipmentRef, quantities, actorRef), e => e.Key == key && e.ShipmentRef == shipmentRef,
            cancellationToken);

    // ------------------------------------------------------------------ views

    /// <summary><c>verify(key)</c>: the permit's EPIX status and reason now, with every anchored field.</summary>
    public async Task<PermitVerificationView> VerifyAsync(Bytes32 key, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        ToView((await ReadAsync<VerifyOutputDTO>(PermitRegistryCalls.Verify(key), block, cancellationToken).ConfigureAwait(false)).V);

    /// <summary>
    /// <c>verifyAtHead(key)</c>: <c>verify(key)</c>, the issuer's status and the block number, all
    /// read in the one block the call runs in (the newest, unless <paramref name="block"/> says otherwise).
    /// </summary>
    public async Task<PermitVerificationAtBlock> VerifyAtHeadAsync(Bytes32 key, BlockParameter? block = null, CancellationToken cancellationToken = default)
    {
        var output = await _channel.CallRawAsync(PermitRegistryCalls.VerifyAtHead(key), block, cancellationToken).ConfigureAwait(false);
        return VerificationAbi.DecodeVerifyAtHead(output);
    }

    /// <summary>
    /// <c>verifyManyAtHead(keys)</c>: <see cref="VerifyAtHeadAsync"/> for up to <see cref="MaxVerifyBatch"/>
    /// keys in one call, all read in one block; one answer per key, in the order of <paramref name="keys"/>.
    /// More keys are refused by the contract (<see cref="VerifyBatchTooLarge"/>).
    /// </summary>
    public async Task<IReadOnlyList<PermitVerificationAtBlock>> VerifyManyAtHeadAsync(IReadOnlyList<Bytes32> keys, BlockParameter? block = null,
        CancellationToken cancellationToken = default)
    {
        var output = await _channel.CallRawAsync(PermitRegistryCalls.VerifyManyAtHead(keys), block, cancellationToken).ConfigureAwait(false);
        var answers = VerificationAbi.DecodeVerifyManyAtHead(output);
        return answers.Length == keys.Count
            ? answers
            : throw new InvalidOperationException($"verifyManyAtHead on {Address} answered {answers.Length} verifications for {keys.Count} keys.");
    }

    private static PermitVerificationView ToView(PermitVerification v) =>
        new(
            AbiValues.ToEnum<VerificationStatus>(v.Status),
            AbiValues.ToEnum<VerificationReason>(v.Reason),
            AbiValues.ToAddress(v.Issuer),
            AbiValues.ToCountry(v.IssuerCountry),
            AbiValues.ToEnum<PermitType>(v.PermitType),
            v.ValidFrom,
            v.ValidUntil,
            AbiValues.ToCountry(v.Destination),
            AbiValues.ToQuantities(v.Authorised),
            AbiValues.ToQuantities(v.Used),
            v.ShipmentsUsed,
            v.MaxShipments,
            AbiValues.ToBytes32(v.DocumentHash),
            AbiValues.ToBytes32(v.PreviousKey),
            AbiValues.ToBytes32(v.ReplacementKey),
            v.CancelReason);

    /// <summary><c>documentMatches(key, documentHash)</c>: whether the permit exists and anchors exactly this hash.</summary>
    public async Task<bool> DocumentMatchesAsync(Bytes32 key, Bytes32 documentHash, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        (await ReadAsync<DocumentMatchesOutputDTO>(PermitRegistryCalls.DocumentMatches(key, documentHash), block, cancellationToken).ConfigureAwait(false)).ReturnValue1;

    /// <summary><c>shipmentOf(key, shipmentRef)</c>: what each border side recorded for a shipment reference.</summary>
    public async Task<ShipmentView> ShipmentOfAsync(Bytes32 key, Bytes32 shipmentRef, BlockParameter? block = null, CancellationToken cancellationToken = default)
    {
        var v = (await ReadAsync<ShipmentOfOutputDTO>(PermitRegistryCalls.ShipmentOf(key, shipmentRef), block, cancellationToken).ConfigureAwait(false)).S;
        return new ShipmentView(v.ExportRecorded, v.ImportRecorded, AbiValues.ToQuantities(v.Exported), AbiValues.ToQuantities(v.Imported));
    }

    /// <summary><c>authorityRegistry()</c>: the AuthorityRegistry every authorisation is checked against.</summary>
    public async Task<Address> AuthorityRegistryAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        AbiValues.ToAddress((await ReadAsync<AuthorityRegistryOutputDTO>(PermitRegistryCalls.AuthorityRegistry(), block, cancellationToken).ConfigureAwait(false)).ReturnValue1);

    /// <summary><c>MAX_BATCH()</c>: most permits one registerBatch may carry.</summary>
    public async Task<ulong> MaxBatchAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        AbiValues.ToUInt64((await ReadAsync<MaxBatchOutputDTO>(PermitRegistryCalls.MaxBatch(), block, cancellationToken).ConfigureAwait(false)).ReturnValue1);

    /// <summary><c>MAX_LINES()</c>: most quantity lines one permit may carry.</summary>
    public async Task<ulong> MaxLinesAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        AbiValues.ToUInt64((await ReadAsync<MaxLinesOutputDTO>(PermitRegistryCalls.MaxLines(), block, cancellationToken).ConfigureAwait(false)).ReturnValue1);

    /// <summary><c>MAX_VERIFY_BATCH()</c>: most keys one verifyManyAtHead call may carry.</summary>
    public async Task<ulong> MaxVerifyBatchAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        AbiValues.ToUInt64((await ReadAsync<MaxVerifyBatchOutputDTO>(PermitRegistryCalls.MaxVerifyBatch(), block, cancellationToken).ConfigureAwait(false)).ReturnValue1);

    // ------------------------------------------------------------------ events

    /// <summary>The events this contract emitted in a transaction, in log order.</summary>
    public IReadOnlyList<ContractEvent> DecodeEvents(TransactionReceipt receipt) =>
        _channel.OwnLogs(receipt).Select(PermitRegistryEvents.TryDecode).OfType<ContractEvent>().ToArray();

    /// <summary>
    /// Every event of this contract in blocks <paramref name="fromBlock"/> to <paramref name="toBlock"/>
    /// (both included), in chain order, read with eth_getLogs at most <paramref name="maxBlocksPerPage"/>
    /// blocks at a time (halved when the node refuses a page as too large).
    /// </summary>
    public IAsyncEnumerable<ContractEvent> ReadEventsAsync(ulong fromBlock, ulong toBlock, int maxBlocksPerPage = ContractChannel.DefaultBlocksPerPage,
        CancellationToken cancellationToken = default) =>
        _channel.ReadEventsAsync(PermitRegistryEvents.AllEvents, PermitRegistryEvents.TryDecode, fromBlock, toBlock, maxBlocksPerPage, cancellationToken);

    /// <summary>The events about one permit (every event whose first indexed value is the key), read as <see cref="ReadEventsAsync"/> does.</summary>
    public IAsyncEnumerable<ContractEvent> ReadPermitEventsAsync(Bytes32 key, ulong fromBlock, ulong toBlock,
        int maxBlocksPerPage = ContractChannel.DefaultBlocksPerPage, CancellationToken cancellationToken = default) =>
        _channel.ReadEventsAsync(PermitRegistryEvents.EventsOfPermit(key), PermitRegistryEvents.TryDecode, fromBlock, toBlock, maxBlocksPerPage, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"PermitRegistry at {Address}";

    private Task<TOutput> ReadAsync<TOutput>(ContractCall call, BlockParameter? block, CancellationToken cancellationToken)
        where TOutput : IFunctionOutputDTO, new() =>
        _channel.CallAsync<TOutput>(call, block, cancellationToken);

    // A repeat of a recorded shipment succeeds without an event; the event is how "recorded now" is known.
    private async Task<TransactionResult<bool>> SendShipmentAsync<TEvent>(ContractCall call, Func<TEvent, bool> isThisShipment, CancellationToken cancellationToken)
        where TEvent : ContractEvent
    {
        var outcome = await _channel.SendAsync(call, cancellationToken).ConfigureAwait(false);
        return new TransactionResult<bool>(outcome, DecodeEvents(outcome.Receipt).OfType<TEvent>().Any(isThisShipment));
    }
}

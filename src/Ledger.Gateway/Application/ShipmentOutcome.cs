using Ledger.Api.V1;
using Ledger.Contracts;
using Ledger.Gateway.Chain;

namespace Ledger.Gateway.Application;

/// <summary>How a shipment record or arrival confirmation ended.</summary>
/// <param name="Receipt">The transaction that recorded it (replayed when it was recorded earlier).</param>
/// <param name="Event">The ShipmentRecorded or ArrivalConfirmed event that recorded it; null when the contract treated the call as a repeat.</param>
/// <param name="After">The permit after it.</param>
/// <param name="AlreadyRecorded">True when this exact shipment had been recorded before, so nothing was consumed again.</param>
internal sealed record ShipmentOutcome(WriteReceipt Receipt, ContractEvent? Event, PermitSnapshot After, bool AlreadyRecorded);

using System.Security.Cryptography;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Cli.Connection;
using static Ledger.Cli.Conformance.ConformanceContext;

namespace Ledger.Cli.Conformance;

/// <summary>
/// The EPIX calls between authorities: GET FINAL (a permit's document, fetched through the
/// officer's own gateway from the issuer's and checked against the anchored hash) and CONFIRM
/// QUANTITIES (the destination's customs confirm what arrived of an exported shipment).
/// </summary>
internal static class ExchangeChecks
{
    public static IEnumerable<ConformanceCheck> All()
    {
        yield return new("customs of the issuing country fetch the registered document, byte for byte and matching the ledger (GET FINAL)", async (c, ct) =>
        {
            var draft = await c.RegisterAsync(ct);
            var fetched = await FetchDocumentAsync(c, draft.PermitId, ct);
            Require(fetched.Availability == DocumentAvailability.Available,
                $"the registered permit's document is {fetched.Availability}: {fetched.NotAvailableReason}");
            Require(fetched.Document == draft.Document, $"{fetched.Document.Length} bytes came back, not the {draft.Document.Length} bytes registered");
            // Recomputed here rather than trusting the gateway's own comparison alone.
            var sha256 = "0x" + Convert.ToHexStringLower(SHA256.HashData(draft.Document.Span));
            Require(string.Equals(fetched.ReceivedHash, sha256, StringComparison.OrdinalIgnoreCase),
                $"received_hash {fetched.ReceivedHash} is not the SHA-256 of the bytes ({sha256})");
            Require(fetched.MatchesLedger && string.Equals(fetched.AnchoredHash, fetched.ReceivedHash, StringComparison.OrdinalIgnoreCase),
                $"matches_ledger {fetched.MatchesLedger}: anchored {fetched.AnchoredHash}, received {fetched.ReceivedHash}");
            return $"{fetched.Document.Length} bytes from {fetched.IssuerGatewayUrl}, {fetched.ReceivedHash}";
        });

        yield return new("the destination's customs confirm what arrived, within what was exported (CONFIRM QUANTITIES)", async (c, ct) =>
        {
            var destination = c.DestinationCustoms ?? throw new ConformanceSkip(
                "no customs officer of the destination country was given (--destination-customs, with --destination-gateway when it is another gateway)");
            var draft = await c.RegisterAsync(ct, amount: "10", maxShipments: 2);
            const string Reference = "AWB-CONF-ARRIVAL";
            await c.ShipAsync(draft.PermitId, Reference, "4", ct);

            await ExpectRefusalAsync(StatusCode.FailedPrecondition,
                () => ConfirmAsync(destination, draft.PermitId, Reference, "5", NewRequestId(), ct), "an arrival of more than was exported");
            var requestId = NewRequestId();
            var first = await ConfirmAsync(destination, draft.PermitId, Reference, "3", requestId, ct);
            Require(!first.ConsumedPermit, "an arrival of an exported shipment consumed the permit a second time");
            Require(first.Lines.Count == 1 && first.Lines[0].Remaining == "6", $"after the arrival {first.Lines.FirstOrDefault()?.Remaining ?? "no line"} remain, expected 6 (only the export consumes)");
            var retried = await ConfirmAsync(destination, draft.PermitId, Reference, "3", requestId, ct);
            Require(retried.Receipt.Replayed && retried.Receipt.TxHash == first.Receipt.TxHash, "the retried confirmation was not answered with the first result");

            // The gateway under test learns of the arrival from the chain, whichever gateway sent it (its node may import the block a moment later).
            PermitEventKind[] expected = [PermitEventKind.Registered, PermitEventKind.ShipmentRecorded, PermitEventKind.ArrivalConfirmed];
            PermitEventKind[] kinds = [];
            for (var attempt = 0; attempt < 20 && !kinds.SequenceEqual(expected); attempt++)
            {
                if (attempt > 0)
                    await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
                var history = await c.Customs.Permits.GetPermitHistoryAsync(new GetPermitHistoryRequest { PermitId = draft.PermitId }, c.Customs.Call(ct));
                kinds = [.. history.Entries.Select(entry => entry.Kind)];
            }
            Require(kinds.SequenceEqual(expected), $"history at the gateway is [{string.Join(", ", kinds)}], expected [REGISTERED, SHIPMENT_RECORDED, ARRIVAL_CONFIRMED]");
            return $"confirmed at {destination.Settings.Address}: 3 of the 4 exported";
        });
    }

    private static async Task<FetchPermitDocumentResponse> FetchDocumentAsync(ConformanceContext c, string permitId, CancellationToken ct)
    {
        try
        {
            return await c.Customs.Documents.FetchPermitDocumentAsync(new FetchPermitDocumentRequest { PermitId = permitId }, c.Customs.Call(ct));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            throw new ConformanceSkip("the gateway serves no DocumentService (documents are not exchanged here)");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            // No peer certificate, no document store, or no gateway in the directory: the operator's configuration, said by the gateway.
            throw new ConformanceSkip($"the gateway does not exchange documents as configured: {e.Status.Detail}");
        }
    }

    private static async Task<ConfirmArrivalResponse> ConfirmAsync(GatewayClients destination, string permitId, string reference, string amount, string requestId, CancellationToken ct) =>
        await destination.Permits.ConfirmArrivalAsync(
            new ConfirmArrivalRequest { RequestId = requestId, PermitId = permitId, ShipmentReference = reference, Quantities = { new QuantityLine { Amount = amount } } },
            destination.Call(ct));
}

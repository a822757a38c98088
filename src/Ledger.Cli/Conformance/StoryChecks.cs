using Google.Protobuf;
using Ledger.Api.V1;
using static Ledger.Cli.Conformance.ConformanceContext;

namespace Ledger.Cli.Conformance;

/// <summary>The EPIX story on test permits: register, verify with the document hash check, ship, refuse reuse, cancel, history.</summary>
internal static class StoryChecks
{
    public static IEnumerable<ConformanceCheck> All()
    {
        yield return new("an issuer registers a permit and customs verify it VALID", async (c, ct) =>
        {
            var draft = await c.RegisterAsync(ct);
            var verified = await c.VerifyAsync(draft.PermitId, ct);
            Require(verified.Status == VerificationStatus.Valid, $"expected VALID, got {verified.Status} ({verified.StatusText})");
            Require(verified.DestinationCountry == c.Destination, $"destination {verified.DestinationCountry}, registered {c.Destination}");
            Require(verified.Lines.Count == 1 && verified.Lines[0].Remaining == "10", "the line does not show 10 remaining");
            return $"{draft.PermitId}: {verified.StatusText}";
        });

        yield return new("the presented document is checked against the anchored hash", async (c, ct) =>
        {
            var draft = await c.RegisterAsync(ct);
            var same = await c.VerifyAsync(draft.PermitId, ct, draft.Document);
            Require(same.DocumentMatches == true, "the registered document does not match its own anchored hash");
            var altered = await c.VerifyAsync(draft.PermitId, ct, ByteString.CopyFromUtf8(draft.Document.ToStringUtf8() + " "));
            Require(altered.DocumentMatches == false, "a document altered by one byte was reported as matching");
            return null;
        });

        yield return new("customs record a shipment and the remaining quantity is what is left", async (c, ct) =>
        {
            var draft = await c.RegisterAsync(ct, amount: "10", maxShipments: 2);
            var shipped = await c.ShipAsync(draft.PermitId, "AWB-CONF-1", "4", ct);
            Require(!shipped.AlreadyRecorded, "a new shipment was reported as already recorded");
            Require(shipped.Lines[0].Remaining == "6", $"expected 6 remaining, got {shipped.Lines[0].Remaining}");
            return null;
        });

        yield return new("a second use of a single-use permit is FAILED_PRECONDITION", async (c, ct) =>
        {
            var draft = await c.RegisterAsync(ct);
            await c.ShipAsync(draft.PermitId, "AWB-CONF-FIRST", "10", ct);
            var refusal = await ExpectRefusalAsync(Grpc.Core.StatusCode.FailedPrecondition,
                () => c.ShipAsync(draft.PermitId, "TRK-CONF-SECOND", "1", ct), "second shipment");
            var after = await c.VerifyAsync(draft.PermitId, ct);
            Require(after.Status == VerificationStatus.NotAvailable, $"a used permit verifies {after.Status}, not NOT_AVAILABLE");
            return refusal.Detail;
        });

        yield return new("more than the authorised quantity is FAILED_PRECONDITION and consumes nothing", async (c, ct) =>
        {
            var draft = await c.RegisterAsync(ct, amount: "5");
            await ExpectRefusalAsync(Grpc.Core.StatusCode.FailedPrecondition, () => c.ShipAsync(draft.PermitId, "AWB-CONF-OVER", "6", ct), "over-quantity shipment");
            var after = await c.VerifyAsync(draft.PermitId, ct);
            Require(after.Lines[0].Remaining == "5" && after.ShipmentsUsed == 0, "the refused shipment consumed something");
            return null;
        });

        yield return new("a cancelled permit verifies CANCELLED and cannot be used", async (c, ct) =>
        {
            var draft = await c.RegisterAsync(ct);
            await c.Issuer.Permits.CancelPermitAsync(
                new CancelPermitRequest { RequestId = NewRequestId(), PermitId = draft.PermitId, Reason = CancelReason.Withdrawn }, c.Issuer.Call(ct));
            var verified = await c.VerifyAsync(draft.PermitId, ct);
            Require(verified.Status == VerificationStatus.Cancelled, $"expected CANCELLED, got {verified.Status}");
            await ExpectRefusalAsync(Grpc.Core.StatusCode.FailedPrecondition, () => c.ShipAsync(draft.PermitId, "AWB-CONF-CANCELLED", "1", ct), "shipment on a cancelled permit");
            return null;
        });

        yield return new("an unknown permit verifies NOT_AVAILABLE with reason UNKNOWN (not an error)", async (c, ct) =>
        {
            var verified = await c.VerifyAsync(c.NewPermitId(), ct);
            Require(verified.Status == VerificationStatus.NotAvailable && verified.Reason == VerificationReason.Unknown,
                $"expected NOT_AVAILABLE/UNKNOWN, got {verified.Status}/{verified.Reason}");
            return null;
        });

        yield return new("the permit's history lists its registration and its shipment in order", async (c, ct) =>
        {
            var draft = await c.RegisterAsync(ct);
            await c.ShipAsync(draft.PermitId, "AWB-CONF-HISTORY", "10", ct);
            var history = await c.Customs.Permits.GetPermitHistoryAsync(new GetPermitHistoryRequest { PermitId = draft.PermitId }, c.Customs.Call(ct));
            var kinds = history.Entries.Select(entry => entry.Kind).ToArray();
            Require(kinds.SequenceEqual([PermitEventKind.Registered, PermitEventKind.ShipmentRecorded]),
                $"history is [{string.Join(", ", kinds)}], expected [REGISTERED, SHIPMENT_RECORDED]");
            return null;
        });
    }
}

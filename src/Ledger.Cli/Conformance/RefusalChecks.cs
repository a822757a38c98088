using Grpc.Core;
using Ledger.Api.V1;
using static Ledger.Cli.Conformance.ConformanceContext;

namespace Ledger.Cli.Conformance;

/// <summary>Refusals and their status codes, and retries that return the first result.</summary>
internal static class RefusalChecks
{
    public static IEnumerable<ConformanceCheck> All()
    {
        yield return new("a malformed permit ID is INVALID_ARGUMENT", async (c, ct) =>
        {
            var status = await ExpectRefusalAsync(StatusCode.InvalidArgument,
                () => c.Issuer.Permits.RegisterPermitAsync(new RegisterPermitRequest { RequestId = NewRequestId(), Permit = c.Draft("not a permit id") }, c.Issuer.Call(ct)).ResponseAsync,
                "registration with a malformed ID");
            return status.Detail;
        });

        yield return new("customs may not register a permit (PERMISSION_DENIED)", async (c, ct) =>
        {
            await ExpectRefusalAsync(StatusCode.PermissionDenied,
                () => c.Customs.Permits.RegisterPermitAsync(new RegisterPermitRequest { RequestId = NewRequestId(), Permit = c.Draft(c.NewPermitId()) }, c.Customs.Call(ct)).ResponseAsync,
                "registration by customs");
            return null;
        });

        yield return new("an issuing officer may not record a shipment (PERMISSION_DENIED)", async (c, ct) =>
        {
            var draft = await c.RegisterAsync(ct);
            await ExpectRefusalAsync(StatusCode.PermissionDenied,
                () => c.Issuer.Permits.RecordShipmentAsync(
                    new RecordShipmentRequest { RequestId = NewRequestId(), PermitId = draft.PermitId, ShipmentReference = "AWB-CONF-ROLE", Quantities = { new QuantityLine { Amount = "1" } } },
                    c.Issuer.Call(ct)).ResponseAsync,
                "shipment recorded by an issuing officer");
            return null;
        });

        yield return new("the same permit ID with another document is ALREADY_EXISTS", async (c, ct) =>
        {
            var draft = await c.RegisterAsync(ct);
            var other = draft.Clone();
            other.Document = Google.Protobuf.ByteString.CopyFromUtf8("another document");
            await ExpectRefusalAsync(StatusCode.AlreadyExists,
                () => c.Issuer.Permits.RegisterPermitAsync(new RegisterPermitRequest { RequestId = NewRequestId(), Permit = other }, c.Issuer.Call(ct)).ResponseAsync,
                "second registration of one permit ID with another document");
            return null;
        });

        yield return new("a retried registration returns the first result and sends nothing", async (c, ct) =>
        {
            var request = new RegisterPermitRequest { RequestId = NewRequestId(), Permit = c.Draft(c.NewPermitId()) };
            var first = await c.Issuer.Permits.RegisterPermitAsync(request, c.Issuer.Call(ct));
            var second = await c.Issuer.Permits.RegisterPermitAsync(request, c.Issuer.Call(ct));
            Require(second.Receipt.Replayed, "the retry was not answered as a replay");
            Require(first.Receipt.TxHash == second.Receipt.TxHash, "the retry returned another transaction");
            return null;
        });

        yield return new("a retried shipment returns the first result", async (c, ct) =>
        {
            var draft = await c.RegisterAsync(ct, amount: "10", maxShipments: 2);
            var requestId = NewRequestId();
            var first = await c.ShipAsync(draft.PermitId, "AWB-CONF-RETRY", "3", ct, requestId);
            var second = await c.ShipAsync(draft.PermitId, "AWB-CONF-RETRY", "3", ct, requestId);
            Require(first.Receipt.TxHash == second.Receipt.TxHash && second.Receipt.Replayed, "the retried shipment was not the first result");
            Require(second.Lines[0].Remaining == "7", $"the retry consumed again: {second.Lines[0].Remaining} left");
            return null;
        });

        yield return new("a request ID reused for other content is refused INVALID_ARGUMENT", async (c, ct) =>
        {
            var request = new RegisterPermitRequest { RequestId = NewRequestId(), Permit = c.Draft(c.NewPermitId()) };
            await c.Issuer.Permits.RegisterPermitAsync(request, c.Issuer.Call(ct));
            var other = new RegisterPermitRequest { RequestId = request.RequestId, Permit = c.Draft(c.NewPermitId()) };
            await ExpectRefusalAsync(StatusCode.InvalidArgument,
                () => c.Issuer.Permits.RegisterPermitAsync(other, c.Issuer.Call(ct)).ResponseAsync, "request ID reused for another permit");
            var verified = await c.VerifyAsync(other.Permit.PermitId, ct);
            Require(verified.Status == VerificationStatus.NotAvailable, "the refused request registered its permit anyway");
            return null;
        });
    }
}

using Google.Protobuf.Collections;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Core.Shipments;

namespace Ledger.Gateway.Application;

/// <summary>A checked shipment record or arrival confirmation: permit, shipment reference and one quantity per line.</summary>
/// <param name="Id">The permit.</param>
/// <param name="Reference">The shipment reference agreed at the border.</param>
/// <param name="Quantities">Amount per permit line (0 for lines not in the shipment), at least one positive.</param>
internal sealed record ShipmentInput(PermitId Id, ShipmentReference Reference, IReadOnlyList<UInt128> Quantities)
{
    /// <summary>Parses the request fields, reporting every problem at once as INVALID_ARGUMENT.</summary>
    public static ShipmentInput Parse(string permitId, string shipmentReference, RepeatedField<Ledger.Api.V1.QuantityLine> quantities)
    {
        var problems = new List<ValidationProblem>();
        PermitId.TryParse(permitId, out var id, out var idError);
        if (idError is not null)
            problems.Add(new ValidationProblem("permit_id", idError));
        ShipmentReference.TryParse(shipmentReference, out var reference, out var referenceError);
        if (referenceError is not null)
            problems.Add(new ValidationProblem("shipment_reference", referenceError));
        if (quantities.Count is 0 or > Ledger.Core.Permits.Quantities.MaxLines)
            problems.Add(new ValidationProblem("quantities",
                $"has {quantities.Count} entries; give one quantity per permit line (1 to {Ledger.Core.Permits.Quantities.MaxLines}), 0 for lines not in this shipment"));
        var amounts = ApiMapping.ParseAmounts(quantities, "quantities", problems, allowZero: true);
        if (amounts.Count == quantities.Count && amounts.Count > 0 && amounts.All(a => a == UInt128.Zero))
            problems.Add(new ValidationProblem("quantities", "are all 0; give a positive quantity on at least one line"));
        ApiMapping.ThrowIfAny(problems);
        return new ShipmentInput(id!, reference!, amounts);
    }
}

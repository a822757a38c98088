using Grpc.Core;
using Ledger.Api.V1;

namespace Ledger.Cli.Demo;

/// <summary>What each step of the demo got back from the gateway, for the caller to check.</summary>
public sealed class DemoReport
{
    /// <summary>Step 1: the export permit as registered.</summary>
    public RegisterPermitResponse? Registered { get; internal set; }

    /// <summary>Step 2: the shipment recorded by export customs.</summary>
    public RecordShipmentResponse? Shipment { get; internal set; }

    /// <summary>Step 3: the arrival confirmed by import customs.</summary>
    public ConfirmArrivalResponse? Arrival { get; internal set; }

    /// <summary>Step 4: the refusal of a second shipment at another border; null if it was (wrongly) accepted.</summary>
    public Status? SecondUseRefusal { get; internal set; }

    /// <summary>Step 4: the permit's verification after the refused second use.</summary>
    public VerifyPermitResponse? AfterUse { get; internal set; }

    /// <summary>Step 5: the second permit as the destination's customs verify it after the issuer cancelled it.</summary>
    public VerifyPermitResponse? CancelledAsSeenByImport { get; internal set; }

    /// <summary>Steps whose outcome was not what the story expects, in words; empty when all went as expected.</summary>
    public List<string> Surprises { get; } = [];
}

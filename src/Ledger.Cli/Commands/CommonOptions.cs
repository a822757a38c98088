using System.CommandLine;

namespace Ledger.Cli.Commands;

/// <summary>Factories of the options and arguments several commands take (a fresh instance per command).</summary>
public static class CommonOptions
{
    /// <summary>The permit number argument, e.g. CH/2026/000123.</summary>
    public static Argument<string> PermitId() => new("permit-id") { Description = "Permit number as printed, e.g. CH/2026/000123" };

    /// <summary>--request-id: reuse it to retry a write safely.</summary>
    public static Option<string?> RequestId() => new("--request-id")
    {
        Description = "Idempotency key (8..64 of A-Z a-z 0-9 . _ : -); repeat it to retry a write without writing twice",
    };

    /// <summary>--quantity AMOUNT, repeated once per permit line in order.</summary>
    public static Option<string[]> Quantity(string description) => new("--quantity", "-q")
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>--reference: the shipment's transport document or declaration number.</summary>
    public static Option<string> ShipmentReference() => new("--reference")
    {
        Description = "Transport document or customs declaration number agreed at the border",
        Required = true,
    };
}

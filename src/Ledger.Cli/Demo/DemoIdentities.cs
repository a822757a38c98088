namespace Ledger.Cli.Demo;

/// <summary>The devnet identities the demo acts as; the defaults are those the devnet host maps.</summary>
/// <param name="ExportIssuer">Issuing officer of the exporting country (CH).</param>
/// <param name="ExportCustoms">Customs officer of the exporting country.</param>
/// <param name="ImportCustoms">Customs officer of the destination country (FR).</param>
/// <param name="ExportCountry">ISO code of the exporting country; permit IDs start with it.</param>
/// <param name="ImportCountry">ISO code of the destination country.</param>
public sealed record DemoIdentities(
    string ExportIssuer = "ch-issuer",
    string ExportCustoms = "ch-customs",
    string ImportCustoms = "fr-customs",
    string ExportCountry = "CH",
    string ImportCountry = "FR");

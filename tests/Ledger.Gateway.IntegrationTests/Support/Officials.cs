namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>
/// The Devnet identities the gateway knows (header x-ledger-dev-identity) and the dev
/// account index each acts for. Issuers CH, FR, NO; customs of CH (two offices), FR and NO.
/// </summary>
public static class Officials
{
    /// <summary>Issuing officer of Switzerland.</summary>
    public const string ChIssuer = "ch-issuer";

    /// <summary>Issuing officer of France.</summary>
    public const string FrIssuer = "fr-issuer";

    /// <summary>Issuing officer of Norway.</summary>
    public const string NoIssuer = "no-issuer";

    /// <summary>Swiss customs, first office.</summary>
    public const string ChCustoms = "ch-customs";

    /// <summary>Swiss customs, second office (a separate authority account).</summary>
    public const string ChCustoms2 = "ch-customs-2";

    /// <summary>French customs.</summary>
    public const string FrCustoms = "fr-customs";

    /// <summary>Norwegian customs: a third country for CH → FR permits.</summary>
    public const string NoCustoms = "no-customs";

    /// <summary>A read-only client of the Swiss issuer's authority.</summary>
    public const string Observer = "observer";

    /// <summary>Identity name → (dev account index, role).</summary>
    public static IReadOnlyDictionary<string, (int Account, string Role)> All { get; } = new Dictionary<string, (int, string)>
    {
        [ChIssuer] = (0, "IssuingOfficer"),
        [FrIssuer] = (1, "IssuingOfficer"),
        [NoIssuer] = (2, "IssuingOfficer"),
        [ChCustoms] = (3, "CustomsOfficer"),
        [ChCustoms2] = (4, "CustomsOfficer"),
        [FrCustoms] = (5, "CustomsOfficer"),
        [NoCustoms] = (6, "CustomsOfficer"),
        [Observer] = (0, "ReadOnly"),
    };
}

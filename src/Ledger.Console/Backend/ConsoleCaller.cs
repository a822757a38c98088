namespace Ledger.Console.Backend;

/// <summary>The signed-in official as the console shows them.</summary>
/// <param name="Name">The official's identity text (certificate subject, or the devnet name).</param>
/// <param name="Role">IssuingOfficer, CustomsOfficer or ReadOnly.</param>
/// <param name="AuthorityAddress">The authority the official acts for.</param>
public sealed record ConsoleCaller(string Name, string Role, string AuthorityAddress)
{
    /// <summary>May register, cancel and replace permits.</summary>
    public bool IsIssuer => Role == "IssuingOfficer";

    /// <summary>May record shipments and confirm arrivals.</summary>
    public bool IsCustoms => Role == "CustomsOfficer";
}

/// <summary>A devnet identity on the picker.</summary>
/// <param name="Name">The name the gateway knows it by.</param>
/// <param name="Role">Its role.</param>
/// <param name="AuthorityAddress">Its authority.</param>
public sealed record ConsoleIdentityChoice(string Name, string Role, string AuthorityAddress);

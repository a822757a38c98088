namespace Ledger.Gateway.Identity;

/// <summary>An identity a Devnet caller may claim by name.</summary>
public sealed class DevIdentityMapping
{
    /// <summary>Account address of the authority, "0x" + 40 hex digits.</summary>
    public string Authority { get; set; } = "";

    /// <summary>Role of the caller; required.</summary>
    public CallerRole? Role { get; set; }
}

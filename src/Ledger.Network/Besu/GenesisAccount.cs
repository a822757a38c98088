namespace Ledger.Network.Besu;

/// <summary>
/// One account of a genesis alloc, as Besu's genesis file writes it: runtime code, storage
/// slots (both 32-byte words, lower-case hex), balance and nonce.
/// </summary>
/// <param name="Code">Runtime code, "0x"-prefixed hex; empty for a plain account.</param>
/// <param name="Storage">Non-zero storage slots: slot → value, each "0x" and 64 hex digits.</param>
/// <param name="Nonce">Account nonce (a contract created by CREATE starts at 1).</param>
public sealed record GenesisAccount(string Code, IReadOnlyDictionary<string, string> Storage, ulong Nonce)
{
    /// <summary>A contract account.</summary>
    public bool HasCode => Code.Length > 2;
}

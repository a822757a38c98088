using Ledger.Core.Primitives;

namespace Ledger.Gateway.Stores;

/// <summary>The text form of a permit key in store APIs: "0x" + 64 hex digits, normalised to lower case.</summary>
public static class PermitKeyText
{
    /// <summary>Returns the normalised key.</summary>
    /// <exception cref="ArgumentException">Not "0x" + 64 hex digits.</exception>
    public static string Normalise(string permitKey) =>
        Bytes32Text.TryNormalise(permitKey, out var key)
            ? key
            : throw new ArgumentException("A permit key is 0x followed by 64 hex digits.", nameof(permitKey));
}

using Ledger.Core.Primitives;
using Nethereum.Signer;

namespace Ledger.Contracts.Ethereum;

/// <summary>Nethereum keys as the ledger's <see cref="Address"/> values.</summary>
public static class EthereumKeys
{
    /// <summary>The account address of <paramref name="key"/>.</summary>
    public static Address AddressOf(this EthECKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new Address(key.GetPublicAddressAsBytes());
    }
}

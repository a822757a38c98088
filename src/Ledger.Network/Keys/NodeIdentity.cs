using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace Ledger.Network.Keys;

/// <summary>
/// A validator node's block-signing key as Besu uses it: the address QBFT counts as a
/// validator, and the enode public key peers dial. Separate from every authority key.
/// </summary>
public sealed class NodeIdentity
{
    private readonly EthECKey _key;

    /// <summary>Wraps a node key.</summary>
    public NodeIdentity(EthECKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        Address = key.GetPublicAddress();
        PublicKeyHex = key.GetPubKeyNoPrefix().ToHex();
    }

    /// <summary>The validator address (EIP-55).</summary>
    public string Address { get; }

    /// <summary>The 64-byte uncompressed public key without its 0x04 prefix, as 128 hex digits: the enode id.</summary>
    public string PublicKeyHex { get; }

    /// <summary>The enode URL at <paramref name="host"/>:<paramref name="port"/>.</summary>
    public string Enode(string host, int port) => $"enode://{PublicKeyHex}@{host}:{port}";

    /// <summary>The private key as Besu's key file holds it: "0x" and 64 hex digits. Written to the node's own folder only.</summary>
    public string PrivateKeyFileText() => "0x" + _key.GetPrivateKeyAsBytes().ToHex();

    /// <summary>Address only: the key stays out of logs.</summary>
    public override string ToString() => $"node {Address}";
}

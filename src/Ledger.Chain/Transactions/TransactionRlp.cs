using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rlp;

namespace Ledger.Chain.Transactions;

/// <summary>RLP shapes shared by the transaction types, in both directions.</summary>
internal static class TransactionRlp
{
    /// <summary>The recipient: 20 bytes, or the empty string for contract creation.</summary>
    internal static RlpItem FromRecipient(Address? to) => to is { } address ? RlpItem.CopyOf(address.Bytes) : RlpItem.Empty;

    /// <summary>[[address, [storageKey, …]], …]</summary>
    internal static RlpItem FromAccessList(IReadOnlyList<AccessListEntry> accessList) =>
        RlpItem.List(accessList.Select(entry => RlpItem.List(
            RlpItem.CopyOf(entry.Address.Bytes),
            RlpItem.List(entry.StorageKeys.Select(RlpItem.FromBytes)))));

    /// <summary>The three signature fields: v (as the type defines it), r and s as integers.</summary>
    internal static RlpItem[] FromSignature(RlpItem v, Signature signature) =>
        [v, RlpItem.FromUnsignedBigEndian(signature.R), RlpItem.FromUnsignedBigEndian(signature.S)];

    /// <summary>type || rlp(payload), the EIP-2718 envelope.</summary>
    internal static byte[] EncodeTyped(byte type, RlpItem payload)
    {
        var output = new byte[1 + payload.EncodedLength];
        output[0] = type;
        RlpEncoder.Encode(payload, output.AsSpan(1));
        return output;
    }

    /// <summary>Reads a recipient: empty means contract creation.</summary>
    internal static Address? ToRecipient(RlpItem item)
    {
        var bytes = item.Bytes.Span;
        if (bytes.IsEmpty)
            return null;
        return bytes.Length == Address.Size
            ? new Address(bytes)
            : throw new FormatException($"a recipient is {Address.Size} bytes or empty, got {bytes.Length}.");
    }

    /// <summary>Reads an access list.</summary>
    internal static List<AccessListEntry> ToAccessList(RlpItem item) =>
        item.Items.Select(entry =>
        {
            if (!entry.IsList || entry.Items.Count != 2)
                throw new FormatException("an access-list entry is a list [address, [storageKey, …]].");
            var address = entry.Items[0].Bytes.Span;
            if (address.Length != Address.Size)
                throw new FormatException($"an access-list address is {Address.Size} bytes, got {address.Length}.");
            return new AccessListEntry(new Address(address), entry.Items[1].Items.Select(key => key.Bytes));
        }).ToList();
}

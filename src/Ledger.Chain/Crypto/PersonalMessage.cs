using System.Text;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Crypto;

/// <summary>
/// EIP-191 version 0x45 "personal" messages: keccak256("\x19Ethereum Signed Message:\n" +
/// decimal byte length + message), the hash that personal_sign and <c>cast wallet sign</c> sign.
/// The prefix keeps a signed message from ever being a valid transaction.
/// </summary>
public static class PersonalMessage
{
    private const string Prefix = "\u0019Ethereum Signed Message:\n";

    /// <summary>The EIP-191 hash of raw message bytes.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        var header = Encoding.ASCII.GetBytes(Prefix + message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var prefixed = new byte[header.Length + message.Length];
        header.CopyTo(prefixed, 0);
        message.CopyTo(prefixed.AsSpan(header.Length));
        return Keccak256.Hash(prefixed);
    }

    /// <summary>The EIP-191 hash of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Hash(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Signs the EIP-191 hash of <paramref name="message"/>.</summary>
    public static Signature Sign(ReadOnlySpan<byte> message, PrivateKey key) => Secp256k1.Sign(Hash(message), key);

    /// <summary>Recovers the address that signed <paramref name="message"/>.</summary>
    public static Address RecoverSigner(ReadOnlySpan<byte> message, Signature signature) =>
        Secp256k1.RecoverAddress(Hash(message), signature);
}

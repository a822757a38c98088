using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Ledger.Chain.Keystore;

/// <summary>AES-128 in counter mode, the keystore's "aes-128-ctr" (encrypting and decrypting are the same).</summary>
internal static class AesCtr
{
    internal const int KeySize = 16;
    internal const int IvSize = 16;

    internal static byte[] Transform(ReadOnlySpan<byte> key, byte[] iv, byte[] input)
    {
        var cipher = CipherUtilities.GetCipher("AES/CTR/NoPadding");
        cipher.Init(true, new ParametersWithIV(new KeyParameter(key), iv));
        return cipher.DoFinal(input);
    }
}

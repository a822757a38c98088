using System.Numerics;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Crypto;

public class Secp256k1Tests
{
    private static readonly BigInteger N = BigInteger.Parse(
        "115792089237316195423570985008687907852837564279074904382605163141518161494337");

    [Fact]
    public void Signs_the_eip155_example_hash_as_published()
    {
        // EIP-155, "Example": v = 37 on chain 1 means recovery id 0.
        using var key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var hash = Hex.Decode("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");

        var signature = Secp256k1.Sign(hash, key);

        Assert.Equal(BigInteger.Parse("18515461264373351373200002665853028612451056578545711640558177340181847433846"), ToInteger(signature.R));
        Assert.Equal(BigInteger.Parse("46948507304638947509940763649030358759909902576025900602547168820602576006531"), ToInteger(signature.S));
        Assert.Equal(0, signature.RecoveryId);
    }

    [Fact]
    public async Task Signatures_match_cast_on_1000_random_keys_and_hashes()
    {
        var random = new Random(1155);
        var cases = Enumerable.Range(0, 1000).Select(_ => (Key: random.PrivateKey(), Hash: random.Bytes(32))).ToList();

        var outputs = await CastBatch.RunAsync(cases
            .Select(c => (IReadOnlyList<string>)["wallet", "sign", "--no-hash", "--private-key", Hex.Encode(c.Key.ExportBytes()), Hex.Encode(c.Hash)])
            .ToList());

        for (var i = 0; i < cases.Count; i++)
        {
            var signature = Secp256k1.Sign(cases[i].Hash, cases[i].Key);
            Assert.Equal(outputs[i], Hex.Encode(signature.ToBytes(SignatureVEncoding.Offset27)));
            Assert.True(signature.IsLowS);
        }
    }

    [Fact]
    public void Recover_returns_the_signer_for_random_keys()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var key = random.PrivateKey();
            var hash = random.Bytes(32);
            var signature = Secp256k1.Sign(hash, key);
            Assert.Equal(key.PublicKey, Secp256k1.Recover(hash, signature));
            Assert.Equal(key.Address, Secp256k1.RecoverAddress(hash, Signature.FromBytes(signature.ToBytes())));
        }
    }

    [Fact]
    public void Tampered_signatures_or_hashes_never_recover_the_signer()
    {
        var random = new Random(99);
        var recoveredSomeoneElse = 0;
        for (var i = 0; i < 200; i++)
        {
            var key = random.PrivateKey();
            var hash = random.Bytes(32);
            var bytes = Secp256k1.Sign(hash, key).ToBytes();
            var tampered = bytes.ToArray();
            var position = random.Next(Signature.Size);
            tampered[position] ^= position == Signature.Size - 1 ? (byte)1 : (byte)(1 << random.Next(8));
            var otherHash = hash.ToArray();
            otherHash[random.Next(32)] ^= 0x80;

            Assert.NotEqual(key.Address, Secp256k1.RecoverAddress(otherHash, Signature.FromBytes(bytes)));
            try
            {
                Assert.NotEqual(key.Address, Secp256k1.RecoverAddress(hash, Signature.FromBytes(tampered)));
                recoveredSomeoneElse++;
            }
            catch (ArgumentException)
            {
                // r off the curve, s out of range or now high: refused, which is equally safe
            }
        }
        // Recovery does not detect tampering by itself: it yields another address, which is
        // why callers compare the result with the signer they expect.
        Assert.True(recoveredSomeoneElse > 50, $"only {recoveredSomeoneElse} tampered signatures recovered");
    }

    [Fact]
    public void High_s_is_rejected_and_ToLowS_restores_the_signer()
    {
        using var key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var hash = Keccak256.HashUtf8("high s");
        var low = Secp256k1.Sign(hash, key);
        var highS = (N - ToInteger(low.S)).ToByteArray(isUnsigned: true, isBigEndian: true);
        var high = new Signature(low.R, highS, (byte)(low.RecoveryId ^ 1));

        Assert.False(high.IsLowS);
        var error = Assert.Throws<ArgumentException>(() => Secp256k1.Recover(hash, high));
        Assert.Contains("EIP-2", error.Message);
        Assert.Equal(low, high.ToLowS());
        Assert.Same(low, low.ToLowS());
        Assert.Equal(key.Address, Secp256k1.RecoverAddress(hash, high.ToLowS()));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(27, 0)]
    [InlineData(28, 1)]
    public void FromBytes_reads_v_as_recovery_id_or_offset_27(byte v, byte recoveryId)
    {
        var bytes = new byte[Signature.Size];
        bytes[31] = 1;
        bytes[63] = 2;
        bytes[64] = v;
        var signature = Signature.FromBytes(bytes);
        Assert.Equal(recoveryId, signature.RecoveryId);
        Assert.Equal(bytes[..64], signature.ToBytes()[..64]);
    }

    [Fact]
    public void Out_of_range_signature_values_are_rejected()
    {
        var one = new byte[] { 1 };
        var order = N.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.Throws<ArgumentException>(() => new Signature([], one, 0));
        Assert.Throws<ArgumentException>(() => new Signature(one, order, 0));
        Assert.Throws<ArgumentException>(() => new Signature(new byte[33], one, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Signature(one, one, 2));
        var bytes = new byte[Signature.Size];
        bytes[31] = bytes[63] = 1;
        bytes[64] = 29;
        Assert.Throws<ArgumentException>(() => Signature.FromBytes(bytes));
        Assert.Throws<ArgumentException>(() => Signature.FromBytes(bytes.AsSpan(1)));
    }

    [Fact]
    public void Only_32_byte_hashes_are_signed()
    {
        using var key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        Assert.Throws<ArgumentException>(() => Secp256k1.Sign(new byte[31], key));
        Assert.Throws<ArgumentException>(() => Secp256k1.Sign(new byte[33], key));
    }

    private static BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);
}

using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Crypto;

public class PrivateKeyTests
{
    private const string GroupOrder = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private const string GroupOrderMinusOne = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";

    [Fact]
    public async Task Address_matches_cast_for_1000_random_keys()
    {
        var random = new Random(20261122);
        var keys = Enumerable.Range(0, 1000).Select(_ => random.PrivateKey()).ToList();

        var outputs = await CastBatch.RunAsync(keys
            .Select(key => (IReadOnlyList<string>)["wallet", "address", "--private-key", Hex.Encode(key.ExportBytes())])
            .ToList());

        for (var i = 0; i < keys.Count; i++)
            Assert.Equal(outputs[i], keys[i].Address.ToChecksumHex());
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(GroupOrder)]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Keys_outside_1_to_n_minus_1_are_rejected_without_echoing_them(string hex)
    {
        var error = Assert.Throws<ArgumentException>(() => PrivateKey.FromHex(hex));
        Assert.DoesNotContain(hex, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("n-1", error.Message);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData(GroupOrderMinusOne)]
    public void The_extreme_valid_keys_are_accepted(string hex) =>
        Assert.Equal(hex, Hex.Encode(PrivateKey.FromHex(hex).ExportBytes(), prefix: false));

    [Theory]
    [InlineData("0x4646464646464646464646464646464646464646464646464646464646464646aa")] // 33 bytes
    [InlineData("0x46464646464646464646464646464646464646464646464646464646464646")] // 31 bytes
    [InlineData("0x464646464646464646464646464646464646464646464646464646464646464")] // odd digits
    [InlineData("0x464646464646464646464646464646464646464646464646464646464646464g")] // not hex
    public void Malformed_hex_errors_never_echo_the_digits(string text)
    {
        var error = Assert.ThrowsAny<Exception>(() => PrivateKey.FromHex(text));
        Assert.True(error is FormatException or ArgumentException, error.GetType().Name);
        Assert.DoesNotContain("46464646", error.Message);
    }

    [Fact]
    public void ToString_names_the_address_and_never_the_key()
    {
        using var key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var text = key.ToString();
        Assert.Equal("PrivateKey(0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F)", text);
        Assert.DoesNotContain("4646", text);
        Assert.DoesNotContain("4646", $"{key}");
    }

    [Fact]
    public void Dispose_blocks_further_use_without_revealing_the_key()
    {
        var key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var exported = key.ExportBytes();
        key.Dispose();

        var error = Assert.Throws<ObjectDisposedException>(() => key.ExportBytes());
        Assert.DoesNotContain("4646", error.Message);
        Assert.Throws<ObjectDisposedException>(() => Secp256k1.Sign(new byte[32], key));
        Assert.Equal("PrivateKey(disposed)", key.ToString());
        Assert.All(exported, b => Assert.Equal(0x46, b)); // the caller's copy is the caller's
    }

    [Fact]
    public void Generated_keys_are_distinct_and_sign()
    {
        var keys = Enumerable.Range(0, 50).Select(_ => PrivateKey.Generate()).ToList();
        Assert.Equal(keys.Count, keys.Select(k => Hex.Encode(k.ExportBytes())).Distinct().Count());
        var hash = Keccak256.HashUtf8("generated");
        Assert.All(keys, key => Assert.Equal(key.Address, Secp256k1.RecoverAddress(hash, Secp256k1.Sign(hash, key))));
    }

    [Fact]
    public void Public_key_reads_both_forms_and_rejects_points_off_the_curve()
    {
        var key = new Random(7).PrivateKey();
        var xy = key.PublicKey.ToBytes();

        Assert.Equal(key.PublicKey, PublicKey.FromBytes(xy));
        Assert.Equal(key.PublicKey, PublicKey.FromBytes([0x04, .. xy]));
        Assert.Equal(key.Address, PublicKey.FromBytes(xy).Address);

        xy[^1] ^= 1; // y no longer matches x
        Assert.Throws<ArgumentException>(() => PublicKey.FromBytes(xy));
        Assert.Throws<ArgumentException>(() => PublicKey.FromBytes(xy.AsSpan(1)));
        Assert.Throws<ArgumentException>(() => PublicKey.FromBytes([0x02, .. xy]));
    }
}

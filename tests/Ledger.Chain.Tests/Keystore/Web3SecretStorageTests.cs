using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Chain.Crypto;
using Ledger.Chain.Keystore;
using Ledger.Chain.Primitives;
using Ledger.Chain.Tests.Crypto;

namespace Ledger.Chain.Tests.Keystore;

public class Web3SecretStorageTests
{
    private const string Password = "pässwörd ✓ CITES";
    private static readonly ScryptParameters FastScrypt = new(1024, 8, 1);

    private static readonly PrivateKey Key = new Random(33).PrivateKey();
    private static readonly string KeyHex = Hex.Encode(Key.ExportBytes(), prefix: false);
    private static readonly string Keystore = Web3SecretStorage.Encrypt(Key, Password, FastScrypt);

    public static TheoryData<string> KdfNames() => ["scrypt", "pbkdf2"];

    [Theory]
    [MemberData(nameof(KdfNames))]
    public void Written_keystores_read_back_to_the_same_key(string kdfName)
    {
        KdfParameters kdf = kdfName == "scrypt" ? FastScrypt : new Pbkdf2Parameters(1000);
        var random = new Random(kdfName.Length);
        for (var i = 0; i < 5; i++)
        {
            using var key = random.PrivateKey();
            var json = Web3SecretStorage.Encrypt(key, Password, kdf);

            using var read = Web3SecretStorage.Decrypt(json, Password);

            Assert.Equal(key.ExportBytes(), read.ExportBytes());
            Assert.Equal(kdfName, JsonNode.Parse(json)!["crypto"]!["kdf"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Written_keystore_has_geth_shape_and_fresh_randomness()
    {
        var document = JsonNode.Parse(Keystore)!;
        var crypto = document["crypto"]!;
        var kdfParams = crypto["kdfparams"]!;

        Assert.Equal(3, document["version"]!.GetValue<int>());
        Assert.Equal(Hex.Encode(Key.Address.Bytes, prefix: false), document["address"]!.GetValue<string>());
        Assert.True(Guid.TryParse(document["id"]!.GetValue<string>(), out _));
        Assert.Equal("aes-128-ctr", crypto["cipher"]!.GetValue<string>());
        Assert.Equal(32, crypto["cipherparams"]!["iv"]!.GetValue<string>().Length);
        Assert.Equal(64, crypto["ciphertext"]!.GetValue<string>().Length);
        Assert.Equal(64, crypto["mac"]!.GetValue<string>().Length);
        Assert.Equal((32, 1024, 8, 1), (kdfParams["dklen"]!.GetValue<int>(), kdfParams["n"]!.GetValue<int>(), kdfParams["r"]!.GetValue<int>(), kdfParams["p"]!.GetValue<int>()));
        Assert.Equal(64, kdfParams["salt"]!.GetValue<string>().Length);

        var again = JsonNode.Parse(Web3SecretStorage.Encrypt(Key, Password, FastScrypt))!;
        Assert.NotEqual(kdfParams["salt"]!.GetValue<string>(), again["crypto"]!["kdfparams"]!["salt"]!.GetValue<string>());
        Assert.NotEqual(crypto["cipherparams"]!["iv"]!.GetValue<string>(), again["crypto"]!["cipherparams"]!["iv"]!.GetValue<string>());
        Assert.NotEqual(document["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
    }

    [Fact]
    public void Default_cost_is_the_standard_scrypt_setting()
    {
        var json = Web3SecretStorage.Encrypt(Key, Password);

        var kdfParams = JsonNode.Parse(json)!["crypto"]!["kdfparams"]!;
        Assert.Equal((262144, 8, 1), (kdfParams["n"]!.GetValue<int>(), kdfParams["r"]!.GetValue<int>(), kdfParams["p"]!.GetValue<int>()));
        using var read = Web3SecretStorage.Decrypt(json, Password);
        Assert.Equal(Key.Address, read.Address);
    }

    [Fact]
    public void Wrong_password_is_reported_as_such_without_secrets()
    {
        var error = Assert.Throws<KeystoreException>(() => Web3SecretStorage.Decrypt(Keystore, Password + "!"));

        Assert.Equal(KeystoreErrorKind.WrongPassword, error.Kind);
        Assert.Contains("password", error.Message);
        AssertNoSecrets(error);
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("mac")]
    public void Tampering_fails_the_mac_check(string field)
    {
        var document = JsonNode.Parse(Keystore)!;
        var value = document["crypto"]![field]!.GetValue<string>();
        document["crypto"]![field] = (value[0] == '0' ? '1' : '0') + value[1..];

        var error = Assert.Throws<KeystoreException>(() => Web3SecretStorage.Decrypt(document.ToJsonString(), Password));

        Assert.Equal(KeystoreErrorKind.WrongPassword, error.Kind);
        AssertNoSecrets(error);
    }

    [Fact]
    public void An_address_field_that_does_not_match_the_key_is_reported()
    {
        var document = JsonNode.Parse(Keystore)!;
        document["address"] = new string('1', 40);

        var error = Assert.Throws<KeystoreException>(() => Web3SecretStorage.Decrypt(document.ToJsonString(), Password));

        Assert.Equal(KeystoreErrorKind.AddressMismatch, error.Kind);
        Assert.Contains(Key.Address.ToString(), error.Message);
        AssertNoSecrets(error);
    }

    [Theory]
    [InlineData("n", 1 << 20)]
    [InlineData("n", 1L << 40)]
    [InlineData("n", 1000)]
    [InlineData("n", 1)]
    [InlineData("r", 1L << 40)]
    [InlineData("p", 1L << 40)]
    [InlineData("r", 0)]
    public void Absurd_scrypt_parameters_are_refused_before_any_work(string field, long value)
    {
        var error = Assert.Throws<KeystoreException>(() => Decrypt(Keystore, ("kdfparams", field, value)));

        Assert.Equal(KeystoreErrorKind.ParameterOutOfBounds, error.Kind);
        AssertNoSecrets(error);
    }

    [Fact]
    public void Scrypt_memory_and_work_are_bounded_together()
    {
        Assert.Equal(KeystoreErrorKind.ParameterOutOfBounds,
            Assert.Throws<KeystoreException>(() => new ScryptParameters(1 << 18, 16, 1)).Kind); // 512 MiB
        Assert.Equal(KeystoreErrorKind.ParameterOutOfBounds,
            Assert.Throws<KeystoreException>(() => new ScryptParameters(1 << 18, 8, 2)).Kind); // twice the work
        Assert.Equal(KeystoreErrorKind.Unsupported,
            Assert.Throws<KeystoreException>(() => new ScryptParameters(1 << 16, 1, 8)).Kind); // RFC 7914 bound
        Assert.Equal(4096, new ScryptParameters(4096, 8, 6).N); // geth's "light" setting
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Pbkdf2Parameters.MaxIterations + 1)]
    [InlineData(1L << 40)]
    public void Absurd_pbkdf2_iteration_counts_are_refused_before_any_work(long iterations)
    {
        var pbkdf2 = Web3SecretStorage.Encrypt(Key, Password, new Pbkdf2Parameters(10));

        var error = Assert.Throws<KeystoreException>(() => Decrypt(pbkdf2, ("kdfparams", "c", iterations)));

        Assert.Equal(KeystoreErrorKind.ParameterOutOfBounds, error.Kind);
    }

    [Theory]
    [InlineData("version", null, "1", KeystoreErrorKind.Unsupported)]
    [InlineData("cipher", "crypto", "\"aes-128-cbc\"", KeystoreErrorKind.Unsupported)]
    [InlineData("kdf", "crypto", "\"argon2id\"", KeystoreErrorKind.Unsupported)]
    [InlineData("dklen", "kdfparams", "16", KeystoreErrorKind.Malformed)]
    [InlineData("dklen", "kdfparams", "100000", KeystoreErrorKind.Malformed)]
    [InlineData("iv", "cipherparams", "\"00\"", KeystoreErrorKind.Malformed)]
    [InlineData("mac", "crypto", "\"zz\"", KeystoreErrorKind.Malformed)]
    [InlineData("ciphertext", "crypto", "\"" + "00000000000000000000000000000000000000000000000000000000000000000000" + "\"", KeystoreErrorKind.Malformed)]
    [InlineData("salt", "kdfparams", null, KeystoreErrorKind.Malformed)]
    [InlineData("n", "kdfparams", "\"many\"", KeystoreErrorKind.Malformed)]
    [InlineData("address", null, "\"0x12\"", KeystoreErrorKind.Malformed)]
    public void Unsupported_or_malformed_fields_are_named(string field, string? section, string? json, KeystoreErrorKind kind)
    {
        var error = Assert.Throws<KeystoreException>(() => Decrypt(Keystore, (section, field, json is null ? null : JsonNode.Parse(json))));

        Assert.Equal(kind, error.Kind);
        AssertNoSecrets(error);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"version\":3}")]
    public void Non_keystores_are_malformed(string json) =>
        Assert.Equal(KeystoreErrorKind.Malformed, Assert.Throws<KeystoreException>(() => Web3SecretStorage.Decrypt(json, Password)).Kind);

    [Fact]
    public void Oversized_documents_are_refused_unread()
    {
        var padded = Keystore[..^1] + ",\"padding\":\"" + new string('x', Web3SecretStorage.MaxDocumentLength) + "\"}";

        var error = Assert.Throws<KeystoreException>(() => Web3SecretStorage.Decrypt(padded, Password));

        Assert.Equal(KeystoreErrorKind.Malformed, error.Kind);
        Assert.Contains("at most", error.Message);
    }

    [Fact]
    public void Field_names_match_case_insensitively_as_in_geth()
    {
        var capitalised = Keystore.Replace("\"crypto\"", "\"Crypto\"", StringComparison.Ordinal);

        using var key = Web3SecretStorage.Decrypt(capitalised, Password);

        Assert.Equal(Key.Address, key.Address);
    }

    [Fact]
    public void Files_are_read_with_the_same_checks()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Keystore);
            using var key = Web3SecretStorage.DecryptFile(path, Password);
            Assert.Equal(Key.Address, key.Address);

            File.WriteAllText(path, new string(' ', Web3SecretStorage.MaxDocumentLength + 1));
            Assert.Equal(KeystoreErrorKind.Malformed, Assert.Throws<KeystoreException>(() => Web3SecretStorage.DecryptFile(path, Password)).Kind);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Decrypts <paramref name="json"/> after setting one field (null section: top level; null value: remove).</summary>
    private static PrivateKey Decrypt(string json, (string? Section, string Field, JsonNode? Value) change)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        var target = change.Section switch
        {
            null => document,
            "crypto" => document["crypto"]!.AsObject(),
            var name => document["crypto"]![name]!.AsObject(),
        };
        if (change.Value is null)
            target.Remove(change.Field);
        else
            target[change.Field] = change.Value;
        return Web3SecretStorage.Decrypt(document.ToJsonString(), Password);
    }

    private static PrivateKey Decrypt(string json, (string Section, string Field, long Value) change) =>
        Decrypt(json, (change.Section, change.Field, JsonValue.Create(change.Value)));

    private static void AssertNoSecrets(Exception error)
    {
        var text = error.ToString();
        Assert.DoesNotContain(KeyHex, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain(KeyHex[..16], text, StringComparison.OrdinalIgnoreCase);
    }
}

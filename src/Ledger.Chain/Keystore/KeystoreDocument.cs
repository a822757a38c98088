using System.Text.Json.Serialization;

namespace Ledger.Chain.Keystore;

/// <summary>The JSON shape of a v3 keystore, as geth writes it (property order included).</summary>
internal sealed class KeystoreDocument
{
    [JsonPropertyName("address")]
    public string? Address { get; set; }

    [JsonPropertyName("crypto")]
    public CryptoSection? Crypto { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("version")]
    public int? Version { get; set; }

    internal sealed class CryptoSection
    {
        [JsonPropertyName("cipher")]
        public string? Cipher { get; set; }

        [JsonPropertyName("ciphertext")]
        public string? Ciphertext { get; set; }

        [JsonPropertyName("cipherparams")]
        public CipherParamsSection? CipherParams { get; set; }

        [JsonPropertyName("kdf")]
        public string? Kdf { get; set; }

        [JsonPropertyName("kdfparams")]
        public KdfParamsSection? KdfParams { get; set; }

        [JsonPropertyName("mac")]
        public string? Mac { get; set; }
    }

    internal sealed class CipherParamsSection
    {
        [JsonPropertyName("iv")]
        public string? Iv { get; set; }
    }

    /// <summary>Union of scrypt's (n, r, p) and pbkdf2's (c, prf) fields; absent ones stay null.</summary>
    internal sealed class KdfParamsSection
    {
        [JsonPropertyName("dklen")]
        public int? DkLen { get; set; }

        [JsonPropertyName("n")]
        public long? N { get; set; }

        [JsonPropertyName("p")]
        public long? P { get; set; }

        [JsonPropertyName("r")]
        public long? R { get; set; }

        [JsonPropertyName("c")]
        public long? C { get; set; }

        [JsonPropertyName("prf")]
        public string? Prf { get; set; }

        [JsonPropertyName("salt")]
        public string? Salt { get; set; }
    }
}

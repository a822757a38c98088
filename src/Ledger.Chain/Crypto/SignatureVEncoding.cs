namespace Ledger.Chain.Crypto;

/// <summary>How the last byte of a 65-byte r || s || v signature carries the recovery id.</summary>
public enum SignatureVEncoding
{
    /// <summary>v is the recovery id itself, 0 or 1 (type-2 transactions, most libraries).</summary>
    RecoveryId = 0,

    /// <summary>v is 27 or 28, as eth_sign, personal_sign and <c>cast wallet sign</c> write it.</summary>
    Offset27 = 27,
}

namespace Ledger.Gateway.Stores.Documents;

/// <summary>A document as it rests in the database: AES-256-GCM ciphertext and what is needed to open it.</summary>
/// <param name="KeyId">The key id that sealed it.</param>
/// <param name="KeyCheck">The check value of that key (tells a wrong key from tampering).</param>
/// <param name="Nonce">The random 96-bit GCM nonce, new for every document.</param>
/// <param name="Ciphertext">The encrypted bytes followed by the 128-bit authentication tag.</param>
public sealed record SealedDocument(string KeyId, byte[] KeyCheck, byte[] Nonce, byte[] Ciphertext);

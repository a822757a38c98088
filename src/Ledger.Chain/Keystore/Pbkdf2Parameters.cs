using System.Security.Cryptography;

namespace Ledger.Chain.Keystore;

/// <summary>PBKDF2 with HMAC-SHA256 and an iteration count of at most 10,000,000.</summary>
public sealed class Pbkdf2Parameters : KdfParameters
{
    /// <summary>The only PRF the format defines.</summary>
    public const string Prf = "hmac-sha256";

    /// <summary>Largest iteration count accepted (a few seconds of work).</summary>
    public const long MaxIterations = 10_000_000;

    /// <summary>Creates and bounds-checks the parameters.</summary>
    public Pbkdf2Parameters(long iterations)
    {
        if (iterations < 1 || iterations > MaxIterations)
            throw OutOfBounds($"pbkdf2 c must be from 1 to {MaxIterations}, got {iterations}.");
        Iterations = (int)iterations;
    }

    /// <summary>The count used by the published test vector and geth: 262144.</summary>
    public static Pbkdf2Parameters Standard { get; } = new(262_144);

    /// <summary>Iteration count c.</summary>
    public int Iterations { get; }

    /// <inheritdoc />
    public override string Name => "pbkdf2";

    /// <inheritdoc />
    internal override byte[] DeriveKey(byte[] password, byte[] salt, int length) =>
        // The BCL's PBKDF2 runs on the platform's native crypto: several times faster than a managed one.
        Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, length);

    /// <inheritdoc />
    internal override void WriteTo(KeystoreDocument.KdfParamsSection section) =>
        (section.C, section.Prf) = (Iterations, Prf);
}

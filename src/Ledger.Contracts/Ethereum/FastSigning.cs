using Nethereum.Signer;

namespace Ledger.Contracts.Ethereum;

/// <summary>
/// Switches Nethereum's signer to NBitcoin's libsecp256k1 port (<see cref="EthECKey.SignRecoverable"/>):
/// about ten times faster than its default BouncyCastle path here, with byte-identical
/// signatures (RFC 6979, low s). A process-wide Nethereum setting, so set once.
/// </summary>
public static class FastSigning
{
    /// <summary>Turns the fast signer on; idempotent.</summary>
    public static void Enable() => EthECKey.SignRecoverable = true;
}

using System.Numerics;
using Ledger.Contracts.Ethereum;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Contracts;

namespace Ledger.Benchmarks.Permits;

/// <summary>
/// Transactions signed here, before any clock starts, for the baselines sent straight to the
/// node: EIP-1559, zero fees (the devnet's base fee is 0), consecutive nonces of one account,
/// signed with Nethereum's signer on the fast path the gateway uses.
/// </summary>
internal sealed class RawTransactions
{
    private readonly EthECKey _key;
    private readonly BigInteger _chainId;
    private readonly string _to;
    private ulong _nextNonce;

    /// <summary>A signer for <paramref name="key"/>'s transactions to <paramref name="to"/>, from nonce <paramref name="firstNonce"/>.</summary>
    public RawTransactions(EthECKey key, BigInteger chainId, string to, ulong firstNonce)
    {
        FastSigning.Enable();
        _key = key;
        _chainId = chainId;
        _to = to;
        _nextNonce = firstNonce;
    }

    /// <summary>The account's address.</summary>
    public string From => _key.GetPublicAddress();

    /// <summary>Signs a call of <paramref name="message"/> with the next nonce; returns the raw transaction hex.</summary>
    public string Sign<TFunction>(TFunction message, ulong gasLimit)
        where TFunction : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(message);
        return SignData(message.GetCallData(), gasLimit);
    }

    /// <summary>Signs a call with calldata <paramref name="callData"/> and the next nonce; returns the raw transaction hex.</summary>
    public string SignData(byte[] callData, ulong gasLimit)
    {
        var data = "0x" + Convert.ToHexStringLower(callData);
        var transaction = new Transaction1559(_chainId, _nextNonce++, BigInteger.Zero, BigInteger.Zero, gasLimit, _to, BigInteger.Zero, data, []);
        return "0x" + new Transaction1559Signer().SignTransaction(_key, transaction);
    }

    /// <summary>The hex calldata of <paramref name="message"/> (for eth_call and eth_estimateGas).</summary>
    public static string CallData<TFunction>(TFunction message)
        where TFunction : FunctionMessage, new() => "0x" + Convert.ToHexStringLower(message.GetCallData());
}

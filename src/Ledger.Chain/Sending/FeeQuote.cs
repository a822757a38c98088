using System.Numerics;
using Ledger.Chain.Primitives;
using Ledger.Chain.Transactions;

namespace Ledger.Chain.Sending;

/// <summary>
/// The fees to offer: a legacy gas price (chains without a base fee, or a forced price) or
/// an EIP-1559 fee cap and tip. Builds the matching transaction type.
/// </summary>
internal sealed record FeeQuote
{
    private FeeQuote(BigInteger? gasPrice, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas)
    {
        GasPrice = gasPrice;
        MaxFeePerGas = maxFeePerGas;
        MaxPriorityFeePerGas = maxPriorityFeePerGas;
    }

    /// <summary>The legacy gas price; null for an EIP-1559 quote.</summary>
    public BigInteger? GasPrice { get; }

    /// <summary>The EIP-1559 fee cap (the gas price for a legacy quote).</summary>
    public BigInteger MaxFeePerGas { get; }

    /// <summary>The EIP-1559 tip (the gas price for a legacy quote).</summary>
    public BigInteger MaxPriorityFeePerGas { get; }

    public static FeeQuote Legacy(BigInteger gasPrice) => new(gasPrice, gasPrice, gasPrice);

    /// <summary>maxFee = 2 × baseFee + tip: the usual cap, which stays valid through several full blocks of base-fee rises.</summary>
    public static FeeQuote Dynamic(BigInteger baseFee, BigInteger tip) => new(null, 2 * baseFee + tip, tip);

    public Transaction CreateTransaction(ulong chainId, ulong nonce, ulong gasLimit, Address? to, BigInteger value, ReadOnlyMemory<byte> data) =>
        GasPrice is { } gasPrice
            ? new LegacyTransaction
            {
                ChainId = chainId, Nonce = nonce, GasLimit = gasLimit, To = to, Value = value, Data = data, GasPrice = gasPrice,
            }
            : new Eip1559Transaction
            {
                ChainId = chainId, Nonce = nonce, GasLimit = gasLimit, To = to, Value = value, Data = data,
                MaxFeePerGas = MaxFeePerGas, MaxPriorityFeePerGas = MaxPriorityFeePerGas,
            };
}

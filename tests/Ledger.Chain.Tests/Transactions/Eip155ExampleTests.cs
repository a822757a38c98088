using System.Numerics;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Transactions;

namespace Ledger.Chain.Tests.Transactions;

/// <summary>The worked example published in EIP-155.</summary>
public class Eip155ExampleTests
{
    private static readonly LegacyTransaction Example = new()
    {
        ChainId = 1,
        Nonce = 9,
        GasPrice = 20_000_000_000,
        GasLimit = 21_000,
        To = Address.Parse("0x3535353535353535353535353535353535353535"),
        Value = BigInteger.Pow(10, 18),
    };

    private const string SignedRaw =
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    [Fact]
    public void Signing_data_and_hash_are_as_published()
    {
        Assert.Equal(
            "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080",
            Hex.Encode(Example.GetSigningPayload()));
        Assert.Equal(
            "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53",
            Hex.Encode(Example.GetSigningHash()));
    }

    [Fact]
    public void Signed_transaction_is_as_published()
    {
        using var key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");

        var signed = Example.Sign(key);

        Assert.Equal(SignedRaw, signed.RawHex);
        Assert.Equal(Hex.Encode(Keccak256.Hash(Hex.Decode(SignedRaw))), signed.HashHex);
        Assert.Equal(key.Address, signed.Sender);
    }

    [Fact]
    public void Published_raw_transaction_decodes_to_the_example_and_its_signer()
    {
        var decoded = TransactionDecoder.Decode(SignedRaw);

        var transaction = Assert.IsType<LegacyTransaction>(decoded.Transaction);
        Assert.Equal(1UL, transaction.ChainId);
        Assert.Equal(9UL, transaction.Nonce);
        Assert.Equal(Example.GasPrice, transaction.GasPrice);
        Assert.Equal(Example.Value, transaction.Value);
        Assert.Equal(Example.To, transaction.To);
        Assert.True(transaction.Data.IsEmpty);
        Assert.Equal(Address.Parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"), decoded.Sender);
        Assert.Equal(SignedRaw, decoded.RawHex);
    }
}

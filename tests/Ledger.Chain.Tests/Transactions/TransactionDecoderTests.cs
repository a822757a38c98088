using System.Numerics;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rlp;
using Ledger.Chain.Tests.Crypto;
using Ledger.Chain.Transactions;

namespace Ledger.Chain.Tests.Transactions;

public class TransactionDecoderTests
{
    private static readonly BigInteger MaxUInt256 = (BigInteger.One << 256) - 1;
    private static readonly BigInteger N = BigInteger.Parse(
        "115792089237316195423570985008687907852837564279074904382605163141518161494337");

    private static readonly PrivateKey Key = new Random(3).PrivateKey();

    private static Eip1559Transaction Simple => new()
    {
        ChainId = 1337,
        Nonce = 5,
        MaxPriorityFeePerGas = 1,
        MaxFeePerGas = 2_000_000_000,
        GasLimit = 100_000,
        To = Address.Parse("0x3535353535353535353535353535353535353535"),
        Data = new byte[] { 0xde, 0xad, 0xbe, 0xef },
    };

    [Fact]
    public void Extreme_eip1559_values_round_trip()
    {
        var transaction = new Eip1559Transaction
        {
            ChainId = ulong.MaxValue,
            Nonce = ulong.MaxValue,
            MaxPriorityFeePerGas = MaxUInt256,
            MaxFeePerGas = MaxUInt256,
            GasLimit = ulong.MaxValue,
            Value = MaxUInt256,
            Data = new byte[5000],
            AccessList = [new AccessListEntry(Address.Zero, [new byte[32], Enumerable.Repeat((byte)0xff, 32).ToArray()])],
        };

        var signed = transaction.Sign(Key);
        var decoded = TransactionDecoder.Decode(signed.RawHex);

        var copy = Assert.IsType<Eip1559Transaction>(decoded.Transaction);
        Assert.Equal(Key.Address, decoded.Sender);
        Assert.Equal(ulong.MaxValue, copy.ChainId);
        Assert.Equal(MaxUInt256, copy.MaxFeePerGas);
        Assert.Equal(MaxUInt256, copy.MaxPriorityFeePerGas);
        Assert.Equal(MaxUInt256, copy.Value);
        Assert.Null(copy.To);
        Assert.Equal(5000, copy.Data.Length);
        Assert.Equal(Enumerable.Repeat((byte)0xff, 32), Assert.Single(copy.AccessList).StorageKeys[1].ToArray());
        Assert.Equal(signed.RawHex, decoded.RawHex);
    }

    [Fact]
    public void Legacy_chain_id_of_64_bits_round_trips_through_a_9_byte_v()
    {
        var transaction = new LegacyTransaction { ChainId = ulong.MaxValue, GasPrice = MaxUInt256, Value = MaxUInt256 };

        var decoded = TransactionDecoder.Decode(transaction.Sign(Key).RawBytes.Span);

        Assert.Equal(ulong.MaxValue, decoded.Transaction.ChainId);
        Assert.Equal(Key.Address, decoded.Sender);
    }

    [Fact]
    public void A_tampered_transaction_decodes_to_another_sender()
    {
        var raw = Simple.Sign(Key).RawBytes.ToArray();
        raw[^70] ^= 0x01; // inside the call data, before the signature

        var decoded = TransactionDecoder.Decode(raw);

        Assert.NotEqual(Key.Address, decoded.Sender);
    }

    [Fact]
    public void High_s_transactions_are_refused()
    {
        var fields = Fields(Simple.Sign(Key).RawBytes.Span[1..]);
        var s = fields[11].ToBigInteger();
        fields[9] = RlpItem.FromUInt64(fields[9].ToUInt64() ^ 1);
        fields[11] = RlpItem.FromBigInteger(N - s);

        var error = Assert.Throws<FormatException>(() => TransactionDecoder.Decode(Typed(fields)));
        Assert.Contains("EIP-2", error.Message);
    }

    [Fact]
    public void Pre_eip155_legacy_transactions_are_refused()
    {
        var unprotected = RlpItem.List(
            RlpItem.FromUInt64(9), RlpItem.FromUInt64(20_000_000_000), RlpItem.FromUInt64(21_000),
            RlpItem.CopyOf(new byte[20]), RlpItem.Empty, RlpItem.Empty,
            RlpItem.FromUInt64(27), RlpItem.FromUInt64(1), RlpItem.FromUInt64(1));

        var error = Assert.Throws<FormatException>(() => TransactionDecoder.Decode(RlpEncoder.Encode(unprotected)));
        Assert.Contains("EIP-155", error.Message);
    }

    [Theory]
    [InlineData(1, "leading zero", "nonce")] // nonce 0x0005
    [InlineData(9, "yParity must be 0 or 1", null)] // yParity 2
    [InlineData(0, "chainId must be above 0", null)] // chain id 0
    [InlineData(5, "recipient is 20 bytes", "to")] // 19-byte recipient
    [InlineData(8, "access-list entry", "accessList")] // malformed access list
    public void Malformed_fields_are_named(int field, string problem, string? fieldName)
    {
        var fields = Fields(Simple.Sign(Key).RawBytes.Span[1..]);
        fields[field] = field switch
        {
            1 => RlpItem.CopyOf([0, 5]),
            9 => RlpItem.FromUInt64(2),
            0 => RlpItem.Empty,
            5 => RlpItem.CopyOf(new byte[19]),
            _ => RlpItem.List(RlpItem.List(RlpItem.CopyOf(new byte[20]))),
        };

        var error = Assert.Throws<FormatException>(() => TransactionDecoder.Decode(Typed(fields)));
        Assert.Contains(problem, error.Message);
        if (fieldName is not null)
            Assert.Contains($"field {fieldName}", error.Message);
    }

    [Theory]
    [InlineData("0x", "empty")]
    [InlineData("0x01c0", "type 0x01 is not supported")]
    [InlineData("0x80", "Not a transaction")]
    [InlineData("0x02c0", "12 fields")]
    [InlineData("0xc0", "9 fields")]
    public void Non_transactions_are_refused_with_a_reason(string hex, string problem)
    {
        var error = Assert.Throws<FormatException>(() => TransactionDecoder.Decode(hex));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Trailing_bytes_and_oversize_input_are_refused()
    {
        byte[] raw = [.. Simple.Sign(Key).RawBytes.Span, 0x00];
        Assert.Contains("trailing", Assert.Throws<RlpFormatException>(() => TransactionDecoder.Decode(raw)).Message);

        var huge = new byte[TransactionDecoder.MaxRawLength + 1];
        huge[0] = Eip1559Transaction.TypeByte;
        Assert.Contains("at most", Assert.Throws<FormatException>(() => TransactionDecoder.Decode(huge)).Message);
    }

    [Fact]
    public void Fields_are_validated_when_the_transaction_is_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction { ChainId = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction { ChainId = 1, Value = MaxUInt256 + 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction { ChainId = 1, GasPrice = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eip1559Transaction { ChainId = 1, MaxFeePerGas = MaxUInt256 + 1 });
        Assert.Throws<ArgumentException>(() => new AccessListEntry(Address.Zero, [new byte[31]]));
    }

    [Fact]
    public void A_tip_above_the_fee_cap_is_not_signed()
    {
        var transaction = new Eip1559Transaction { ChainId = 1, MaxPriorityFeePerGas = 2, MaxFeePerGas = 1 };
        var error = Assert.Throws<InvalidOperationException>(() => transaction.Sign(Key));
        Assert.Contains("MaxFeePerGas", error.Message);
    }

    [Fact]
    public void Call_data_is_copied_so_later_changes_do_not_alter_the_transaction()
    {
        var data = new byte[] { 1, 2, 3 };
        var transaction = new LegacyTransaction { ChainId = 1, Data = data };
        var before = transaction.GetSigningHash();
        data[0] = 9;
        Assert.Equal(before, transaction.GetSigningHash());
    }

    private static RlpItem[] Fields(ReadOnlySpan<byte> rlp) => [.. RlpDecoder.Decode(rlp).Items];

    private static byte[] Typed(RlpItem[] fields) => [Eip1559Transaction.TypeByte, .. RlpEncoder.Encode(RlpItem.List(fields))];
}

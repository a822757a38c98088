using System.Globalization;
using System.Numerics;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Rpc;

public class HexQuantityTests
{
    [Fact]
    public async Task Encoding_and_parsing_agree_with_cast_on_1000_random_quantities_each()
    {
        var random = new Random(20261122);
        var values = Enumerable.Range(0, 1000).Select(i => RandomQuantity(random, bits: i % 257)).ToList();
        // Parsing must also cope with the leading zeros some nodes send.
        var texts = Enumerable.Range(0, 1000)
            .Select(i => "0x" + new string('0', random.Next(3)) + RandomQuantity(random, bits: (i * 7) % 253).ToString("x", CultureInfo.InvariantCulture).TrimStart('0'))
            .Select(t => t == "0x" ? "0x0" : t)
            .ToList();

        var cases = values.Select(v => (IReadOnlyList<string>)["to-hex", v.ToString(CultureInfo.InvariantCulture)])
            .Concat(texts.Select(t => (IReadOnlyList<string>)["to-dec", t]))
            .ToList();
        var outputs = await CastBatch.RunAsync(cases);

        for (var i = 0; i < values.Count; i++)
            Assert.Equal(outputs[i], HexQuantity.Encode(values[i]));
        for (var i = 0; i < texts.Count; i++)
            Assert.Equal(BigInteger.Parse(outputs[values.Count + i], CultureInfo.InvariantCulture), HexQuantity.ParseBigInteger(texts[i]));
    }

    [Fact]
    public void Ulong_and_big_integer_forms_agree_over_the_64_bit_range()
    {
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var value = ((ulong)random.NextInt64() << 1) | (uint)random.Next(2);
            var text = HexQuantity.Encode(value);
            Assert.Equal(text, HexQuantity.Encode(new BigInteger(value)));
            Assert.Equal(value, HexQuantity.ParseUInt64(text));
        }
        Assert.Equal("0xffffffffffffffff", HexQuantity.Encode(ulong.MaxValue));
        Assert.Equal(ulong.MaxValue, HexQuantity.ParseUInt64("0x0000ffffffffffffffff"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("12")]
    [InlineData("x12")]
    [InlineData("0x12 ")]
    [InlineData("0x-1")]
    [InlineData("0xg")]
    public void Malformed_quantities_are_rejected(string text)
    {
        Assert.Throws<FormatException>(() => HexQuantity.ParseBigInteger(text));
        Assert.Throws<FormatException>(() => HexQuantity.ParseUInt64(text));
    }

    [Fact]
    public void Quantities_beyond_their_width_are_rejected_with_a_bounded_message()
    {
        var tooWide = "0x1" + new string('0', 64);
        var error = Assert.Throws<FormatException>(() => HexQuantity.ParseBigInteger(tooWide));
        Assert.Contains("at most 64", error.Message);
        Assert.Throws<FormatException>(() => HexQuantity.ParseUInt64("0x10000000000000000"));

        var huge = "0x" + new string('z', 100_000);
        Assert.True(Assert.Throws<FormatException>(() => HexQuantity.ParseBigInteger(huge)).Message.Length < 300);
    }

    [Fact]
    public void Negative_values_cannot_be_encoded() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HexQuantity.Encode(BigInteger.MinusOne));

    [Fact]
    public void Hash32_round_trips_and_compares_by_value()
    {
        var text = "0x" + string.Concat(Enumerable.Range(0, 32).Select(i => (i * 7 % 256).ToString("x2", CultureInfo.InvariantCulture)));
        var hash = Hash32.Parse(text.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal));

        Assert.Equal(text, hash.ToString());
        Assert.Equal(Hash32.Parse(text), hash);
        Assert.NotEqual(Hash32.Zero, hash);
        Assert.Equal(Hash32.Zero, default);
        Assert.Throws<FormatException>(() => Hash32.Parse(text[..^2]));
        Assert.Throws<FormatException>(() => Hash32.Parse(text[2..]));
    }

    private static BigInteger RandomQuantity(Random random, int bits)
    {
        if (bits == 0)
            return BigInteger.Zero;
        var bytes = new byte[(bits + 7) / 8 + 1];
        random.NextBytes(bytes);
        bytes[^1] = 0; // keep it positive
        var value = new BigInteger(bytes) & ((BigInteger.One << bits) - 1);
        return value | (BigInteger.One << (bits - 1)); // exactly `bits` bits long
    }
}

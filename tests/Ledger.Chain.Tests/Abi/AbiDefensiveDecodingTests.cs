using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// Decoding untrusted bytes: truncated, corrupted, garbage or hostile data must end in an
/// <see cref="AbiDecodingException"/> that says what is wrong, never in another exception,
/// an out-of-memory or a runaway expansion.
/// </summary>
public class AbiDefensiveDecodingTests
{
    [Fact]
    public void Corrupted_encodings_decode_or_throw_only_AbiDecodingException()
    {
        var random = new RandomAbi(99);
        var failures = 0;
        for (var round = 0; round < 3000; round++)
        {
            var types = random.Tuple(random.Next(1, 5));
            var valid = AbiCodec.Encode(types, types.Components.Select(c => random.Value(c.Type)).ToArray());
            foreach (var corrupted in Corruptions(random, valid))
            {
                try
                {
                    AbiCodec.Decode(types, corrupted);
                }
                catch (AbiDecodingException e)
                {
                    Assert.False(string.IsNullOrWhiteSpace(e.Problem));
                    failures++;
                }
            }
        }
        // Most corruptions must be caught, or the test is not exercising the checks at all.
        Assert.True(failures > 3000, $"only {failures} corruptions were rejected");
    }

    [Fact]
    public void Random_bytes_never_throw_anything_but_AbiDecodingException()
    {
        var random = new RandomAbi(7);
        int decoded = 0, refused = 0;
        for (var round = 0; round < 5000; round++)
        {
            var types = random.Tuple(random.Next(1, 4));
            var data = random.Bytes(32 * random.Next(0, 12));
            // Small words make plausible offsets and lengths, which reach deeper into the decoder.
            for (var word = 0; word < data.Length; word += 32)
            {
                if (random.Next(2) == 0)
                    WriteWord(data, word, random.Next(0, data.Length + 64));
            }
            try
            {
                AbiCodec.Decode(types, data);
                decoded++;
            }
            catch (AbiDecodingException)
            {
                refused++;
            }
        }
        // Both outcomes must occur, or the inputs never reach past the decoder's first check.
        Assert.True(decoded > 100, $"only {decoded} of 5000 random inputs decoded");
        Assert.True(refused > 100, $"only {refused} of 5000 random inputs were refused");
    }

    [Fact]
    public void An_offset_outside_the_data_is_reported_with_its_position()
    {
        var data = new byte[64];
        WriteWord(data, 0, 0x1000);

        var e = Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode(AbiTupleType.Of(AbiStringType.Instance), data));

        Assert.Contains("offset 4096", e.Message);
        Assert.Equal(0, e.Offset);
    }

    [Theory]
    [InlineData("0x8000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x000000000000000000000000000000000000000000000000000000007fffffff")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000041")]
    public void An_absurd_length_is_rejected_without_allocating(string lengthWord)
    {
        var data = new byte[96];
        WriteWord(data, 0, 32);
        Hex.Decode(lengthWord).CopyTo(data, 32);

        Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode(AbiTupleType.Of(AbiBytesType.Instance), data));
        Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode(AbiTupleType.Of(AbiType.Parse("uint256[]")), data));
    }

    [Fact]
    public void A_huge_count_of_zero_size_elements_is_refused_before_allocation()
    {
        var data = new byte[64];
        WriteWord(data, 0, 32);
        WriteWord(data, 32, int.MaxValue);

        var e = Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode(AbiTupleType.Of(AbiType.Parse("()[]")), data));

        Assert.Contains("far larger", e.Problem);
    }

    // Every array at every level points all its elements at the same inner array: 128 bytes
    // per level, yet 64^4 = 16.7 million leaves if followed naively.
    [Fact]
    public void Offsets_that_all_point_to_the_same_data_cannot_expand_it_without_bound()
    {
        const int count = 64;
        const int levels = 4;
        var type = AbiType.Parse("uint256" + string.Concat(Enumerable.Repeat("[]", levels)));
        var data = new List<byte>();
        data.AddRange(Word(32)); // offset of the outermost array
        for (var level = 0; level < levels; level++)
        {
            var innermost = level == levels - 1;
            data.AddRange(Word(count));
            // Element heads start right after the length; each offset points just past the heads.
            for (var i = 0; i < count; i++)
                data.AddRange(innermost ? Word(i) : Word(32 * count));
        }

        var e = Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode(AbiTupleType.Of(type), data.ToArray()));

        Assert.Contains("far larger", e.Problem);
    }

    [Theory]
    [InlineData("uint8", "0x0000000000000000000000000000000000000000000000000000000000000100", "high-order")]
    [InlineData("uint160", "0x0000000000000000000000010000000000000000000000000000000000000000", "high-order")]
    [InlineData("int8", "0x0000000000000000000000000000000000000000000000000000000000000080", "sign-extended")]
    [InlineData("int8", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "sign-extended")]
    [InlineData("address", "0x000000000000000000000001de709f2102306220921060314715629080e2fb77", "high-order")]
    [InlineData("bool", "0x0000000000000000000000000000000000000000000000000000000000000002", "neither 0 nor 1")]
    [InlineData("bool", "0x0100000000000000000000000000000000000000000000000000000000000001", "neither 0 nor 1")]
    [InlineData("bytes3", "0x0102030400000000000000000000000000000000000000000000000000000000", "non-zero bytes after")]
    public void Dirty_padding_is_rejected(string type, string word, string expected)
    {
        var e = Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode(AbiTupleType.Of(AbiType.Parse(type)), Hex.Decode(word)));

        Assert.Contains(expected, e.Message);
        Assert.Equal(type, e.TypeName);
    }

    [Theory]
    [InlineData("int8", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80", -128)]
    [InlineData("int8", "0x000000000000000000000000000000000000000000000000000000000000007f", 127)]
    [InlineData("uint8", "0x00000000000000000000000000000000000000000000000000000000000000ff", 255)]
    [InlineData("int256", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", -1)]
    public void Clean_boundary_values_decode(string type, string word, int expected)
    {
        var decoded = AbiCodec.Decode(AbiTupleType.Of(AbiType.Parse(type)), Hex.Decode(word));

        Assert.Equal(new BigInteger(expected), decoded[0]);
    }

    [Fact]
    public void Errors_name_the_path_of_the_bad_value()
    {
        var lines = new AbiTupleType([new("amount", AbiIntegerType.UInt(64)), new("unit", AbiStringType.Instance)]);
        var function = new AbiFunction("register", [new("key", AbiFixedBytesType.Bytes32), new("lines", new AbiArrayType(lines))]);
        var calldata = function.EncodeCall(new byte[32], new object[] { new object[] { 1, "kg" }, new object[] { 2, "g" } });
        // Head of lines[1] sits at: selector 4 + key 32 + offset 32 + length 32 + two element offsets 64.
        var secondElement = 4 + 32 + 32 + 32 + BitConverter.ToInt32(calldata.AsSpan(4 + 32 + 32 + 32 + 32 + 28, 4).ToArray().Reverse().ToArray());
        calldata[secondElement + 20] = 1; // a bit above the 64 bits of lines[1].amount

        var e = Assert.Throws<AbiDecodingException>(() => function.DecodeInput(calldata));

        Assert.Equal("lines[1].amount", e.ParameterPath);
        Assert.Equal("uint64", e.TypeName);
        Assert.Contains("call to register(bytes32,(uint64,string)[])", e.Message);
    }

    [Fact]
    public void Truncated_calldata_and_a_wrong_selector_are_reported()
    {
        var function = AbiFunction.Parse("transfer(address,uint256)");
        var calldata = function.EncodeCall(Address.Zero, 5);

        Assert.Contains("too short", Assert.Throws<AbiDecodingException>(() => function.DecodeInput(calldata.AsSpan(0, 3))).Message);
        Assert.Contains("only 36 bytes", Assert.Throws<AbiDecodingException>(() => function.DecodeInput(calldata.AsSpan(0, 40))).Message);
        calldata[0] ^= 1;
        Assert.Contains("selector", Assert.Throws<AbiDecodingException>(() => function.DecodeInput(calldata)).Message);
    }

    [Fact]
    public void Logs_with_wrong_topics_are_rejected()
    {
        var transfer = new AbiEvent("Transfer",
        [
            new("from", AbiAddressType.Instance, Indexed: true),
            new("to", AbiAddressType.Instance, Indexed: true),
            new("value", AbiIntegerType.UInt256),
        ]);
        var (topics, data) = transfer.EncodeLog(Address.Zero, Address.Zero, 1);

        Assert.Contains("topics", Assert.Throws<AbiDecodingException>(() => transfer.DecodeLog(topics.Take(2).ToList(), data)).Message);
        Assert.Contains("topic 0", Assert.Throws<AbiDecodingException>(() => transfer.DecodeLog([new byte[32], topics[1], topics[2]], data)).Message);
        Assert.Contains("32 bytes", Assert.Throws<AbiDecodingException>(() => transfer.DecodeLog([topics[0], new byte[31], topics[2]], data)).Message);
        var dirty = topics[1].ToArray();
        dirty[0] = 1;
        var e = Assert.Throws<AbiDecodingException>(() => transfer.DecodeLog([topics[0], dirty, topics[2]], data));
        Assert.Equal("from", e.ParameterPath);
    }

    private static IEnumerable<byte[]> Corruptions(RandomAbi random, byte[] valid)
    {
        if (valid.Length > 0)
            yield return valid[..random.Next(valid.Length)];
        var flipped = valid.ToArray();
        for (var i = 0; i < 3 && flipped.Length > 0; i++)
            flipped[random.Next(flipped.Length)] ^= (byte)random.Next(1, 256);
        yield return flipped;
        if (valid.Length >= 32)
        {
            var huge = valid.ToArray();
            var word = 32 * random.Next(valid.Length / 32);
            var value = random.Next(4) switch
            {
                0 => (BigInteger.One << 255),
                1 => new BigInteger(int.MaxValue),
                2 => new BigInteger(Math.Max(0, valid.Length - random.Next(0, 40))),
                _ => BigInteger.MinusOne + (BigInteger.One << 256),
            };
            value.ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(huge, word + 32 - value.GetByteCount(isUnsigned: true));
            yield return huge;
        }
        yield return [.. valid, .. random.Bytes(random.Next(1, 64))];
    }

    private static byte[] Word(long value)
    {
        var word = new byte[32];
        WriteWord(word, 0, value);
        return word;
    }

    private static void WriteWord(byte[] data, int position, long value)
    {
        Array.Clear(data, position, 32);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(position + 24), value);
    }
}

using Ledger.Chain.Primitives;
using Ledger.Chain.Rlp;
using Ledger.Chain.Tests.Crypto;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Rlp;

public class RlpCastTests
{
    /// <summary>String lengths around every header boundary (1-byte values, 55/56, 255/256).</summary>
    private static readonly int[] InterestingLengths = [0, 1, 1, 1, 2, 20, 32, 54, 55, 56, 57, 100, 255, 256, 1030];

    [Fact]
    public async Task Encoding_matches_cast_to_rlp_and_decodes_back_for_1000_random_trees()
    {
        var random = new Random(2718);
        var trees = Enumerable.Range(0, 1000).Select(_ => RandomItem(random, depth: 0)).ToList();

        // cast reads the same notation RlpItem prints: "0x…" strings and [a,b] lists.
        var outputs = await CastBatch.RunAsync(trees.Select(t => (IReadOnlyList<string>)["to-rlp", t.ToString()]).ToList());

        for (var i = 0; i < trees.Count; i++)
        {
            var encoded = RlpEncoder.Encode(trees[i]);
            Assert.Equal(outputs[i], Hex.Encode(encoded));
            Assert.Equal(trees[i].ToString(), RlpDecoder.Decode(Hex.Decode(outputs[i])).ToString());
        }
    }

    private static RlpItem RandomItem(Random random, int depth)
    {
        if (depth < 4 && random.Next(3) == 0)
        {
            var count = random.Next(0, depth == 0 ? 40 : 6);
            return RlpItem.List(Enumerable.Range(0, count).Select(_ => RandomItem(random, depth + 1)));
        }
        var length = InterestingLengths[random.Next(InterestingLengths.Length)];
        var bytes = random.Bytes(length);
        if (length == 1 && random.Next(2) == 0)
            bytes[0] &= 0x7f; // a byte that encodes as itself
        return RlpItem.CopyOf(bytes);
    }
}

using System.Text;
using Ledger.Core.Primitives;

namespace Ledger.Core.Tests.Primitives;

public class KeccakTests
{
    // Published Keccak-256 vectors (Ethereum's padding), also what `cast keccak` prints.
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Hash_matches_published_vectors(string text, string expected)
    {
        Assert.Equal(expected, Keccak.HashUtf8(text).ToHex());
        Assert.Equal(expected, Keccak.Hash(Encoding.ASCII.GetBytes(text)).ToHex());
    }

    [Fact]
    public void Hash_is_not_nist_sha3()
    {
        // NIST SHA3-256("") differs from Keccak-256("") only by padding; mixing them up is the classic bug.
        const string sha3OfEmpty = "0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";
        Assert.NotEqual(sha3OfEmpty, Keccak.HashUtf8(string.Empty).ToHex());
    }
}

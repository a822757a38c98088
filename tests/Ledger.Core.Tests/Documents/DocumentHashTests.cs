using System.Text;
using Ledger.Core.Documents;
using Ledger.Core.Errors;

namespace Ledger.Core.Tests.Documents;

public class DocumentHashTests
{
    // FIPS 180-2 appendix B test vectors for SHA-256 (one-block and two-block messages).
    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Compute_matches_the_nist_vectors(string message, string expected)
    {
        var hash = DocumentHash.Compute(Encoding.ASCII.GetBytes(message));
        Assert.Equal("0x" + expected, hash.ToString());
        Assert.Equal(hash, DocumentHash.Parse(expected));
    }

    [Fact]
    public void Compute_hashes_the_bytes_as_received_without_canonicalising()
    {
        // The same XML content, differently spaced: a canonicalising hash would equate them.
        var compact = DocumentHash.Compute("<permit><no>CH/2026/1</no></permit>"u8);
        var spaced = DocumentHash.Compute("<permit>\n  <no>CH/2026/1</no>\n</permit>"u8);
        var withBom = DocumentHash.Compute([0xEF, 0xBB, 0xBF, .. "<permit><no>CH/2026/1</no></permit>"u8]);
        Assert.NotEqual(compact, spaced);
        Assert.NotEqual(compact, withBom);
    }

    [Fact]
    public void Size_is_bounded_at_four_mebibytes()
    {
        Assert.Equal(4_194_304, DocumentHash.MaxDocumentBytes);
        var largest = new byte[DocumentHash.MaxDocumentBytes];
        Assert.True(DocumentHash.TryCompute(largest, out _, out _));

        var tooLarge = new byte[DocumentHash.MaxDocumentBytes + 1];
        Assert.False(DocumentHash.TryCompute(tooLarge, out _, out var error));
        Assert.Contains("4194305 bytes", error);
        var thrown = Assert.Throws<LedgerException>(() => DocumentHash.Compute(tooLarge));
        Assert.Equal(LedgerErrorKind.InvalidArgument, thrown.Kind);
    }

    [Fact]
    public void An_empty_document_is_refused()
    {
        Assert.False(DocumentHash.TryCompute([], out _, out var error));
        Assert.Contains("empty", error);
        Assert.Equal(error, DocumentHash.CheckSize(0));
        Assert.Null(DocumentHash.CheckSize(1));
    }

    [Theory]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  \n")]
    public void Parse_accepts_pasted_hashes(string text) =>
        Assert.Equal(DocumentHash.Compute("abc"u8), DocumentHash.Parse(text));

    [Theory]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a", "got 63")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad00", "got 66")]
    [InlineData("za7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "'z' at digit 1")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000", "all zeros")]
    [InlineData("", "got 0")]
    public void Parse_rejects_what_is_not_a_sha256(string text, string expected)
    {
        Assert.False(DocumentHash.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
        Assert.Equal("documentHash", Assert.Single(Assert.Throws<LedgerException>(() => DocumentHash.Parse(text)).Error.Problems).Field);
    }
}

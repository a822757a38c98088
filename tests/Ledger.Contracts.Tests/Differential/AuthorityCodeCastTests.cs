using Ledger.Testing;

namespace Ledger.Contracts.Tests.Differential;

/// <summary>Authority codes against <c>cast format-bytes32-string</c>, which the deploy script's codes also match.</summary>
public sealed class AuthorityCodeCastTests
{
    private const int Cases = 1000;

    [Fact]
    public async Task Codes_encode_as_cast_formats_them_and_read_back()
    {
        var random = new Random(32);
        var codes = Enumerable.Range(0, Cases)
            .Select(_ => new string(Enumerable.Range(0, random.Next(1, 33)).Select(_ => (char)random.Next(' ', '~' + 1)).ToArray()))
            .ToArray();
        var formatted = await CastInParallel.RunAsync(codes.Select(code => (IReadOnlyList<string>)["format-bytes32-string", "--", code]).ToArray());
        for (var i = 0; i < codes.Length; i++)
        {
            var encoded = AuthorityCode.FromText(codes[i]);
            Assert.True(formatted[i] == encoded.ToString(), $"Code '{codes[i]}': cast {formatted[i]}, bindings {encoded}");
            Assert.Equal(codes[i], AuthorityCode.TryGetText(encoded));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("thirty-three characters is too long")]
    [InlineData("tab\tinside")]
    [InlineData("é")]
    public void Codes_that_do_not_fit_are_refused(string code) =>
        Assert.Throws<ArgumentException>(() => AuthorityCode.FromText(code));

    [Fact]
    public void A_hash_is_not_read_as_text()
    {
        Assert.Null(AuthorityCode.TryGetText(Bytes32.Zero));
        Assert.Null(AuthorityCode.TryGetText(new Bytes32(Enumerable.Repeat((byte)0xAB, 32).ToArray())));
        var gap = new byte[32];
        gap[0] = (byte)'A';
        gap[2] = (byte)'B';
        Assert.Null(AuthorityCode.TryGetText(new Bytes32(gap)));
    }
}

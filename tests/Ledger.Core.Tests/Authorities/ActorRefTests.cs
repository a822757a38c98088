using Ledger.Core.Authorities;
using Ledger.Core.Errors;

namespace Ledger.Core.Tests.Authorities;

public class ActorRefTests
{
    private const string Fingerprint = "00000000000000000000000000000000000000000000000000000000000000AB";

    [Fact]
    public void Reference_is_keccak256_of_the_prefixed_canonical_identity()
    {
        // Computed independently with Foundry:
        // `cast keccak "actor:0000000000000000000000000000000000000000000000000000000000000000|CN=Test"` (cast 1.7.1).
        const string castKeccak = "0x3f466123ce9c0e9a0231aab5a0f98a741a1126d40502ba8e74a9af988112a9f5";
        var actor = ActorRef.FromCertificate(new string('0', 64), "CN=Test");
        Assert.Equal(castKeccak, actor.ToString());
    }

    [Theory]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000ab")]
    [InlineData("00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:AB")]
    [InlineData(" 0x00000000000000000000000000000000000000000000000000000000000000Ab ")]
    public void Fingerprint_spellings_give_the_same_reference(string fingerprint) =>
        Assert.Equal(ActorRef.FromCertificate(Fingerprint, "CN=Jane,O=BAFU"), ActorRef.FromCertificate(fingerprint, "  CN=Jane,O=BAFU "));

    [Fact]
    public void Different_subjects_or_authorities_give_different_references()
    {
        var reference = ActorRef.FromCertificate(Fingerprint, "CN=Jane,O=BAFU");
        Assert.NotEqual(reference, ActorRef.FromCertificate(Fingerprint, "CN=John,O=BAFU"));
        Assert.NotEqual(reference, ActorRef.FromCertificate(new string('1', 64), "CN=Jane,O=BAFU"));
        Assert.NotEqual(reference, ActorRef.FromCertificate(Fingerprint, "cn=jane,o=bafu"));
    }

    [Theory]
    [InlineData("abc", "CN=x", "CA fingerprint")]
    [InlineData(Fingerprint, "", "1 to 512 characters, got 0")]
    [InlineData(Fingerprint, "CN=x\nO=evil", "control character U+000A")]
    [InlineData(Fingerprint, "CN=x\u0085O=y", "control character U+0085")]
    public void Bad_input_is_rejected(string fingerprint, string subject, string expected)
    {
        Assert.False(ActorRef.TryFromCertificate(fingerprint, subject, out _, out var error));
        Assert.Contains(expected, error);
        Assert.Equal(LedgerErrorKind.InvalidArgument, Assert.Throws<LedgerException>(() => ActorRef.FromCertificate(fingerprint, subject)).Kind);
    }

    [Fact]
    public void Subjects_are_bounded()
    {
        Assert.True(ActorRef.TryFromCertificate(Fingerprint, "CN=" + new string('a', ActorRef.MaxSubjectLength - 3), out _, out _));
        Assert.False(ActorRef.TryFromCertificate(Fingerprint, "CN=" + new string('a', ActorRef.MaxSubjectLength - 2), out _, out var error));
        Assert.Contains("got 513", error);
    }
}

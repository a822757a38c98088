using System.Text;
using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Crypto;

public class PersonalMessageTests
{
    private static readonly string[] Words =
        ["permit", "CITES", "ePhyto", "shipment", "Grüße", "façade", "数量", "0x", "-", "'quoted'", "$HOME", "\"", "✓"];

    [Fact]
    public async Task Signatures_match_cast_wallet_sign_for_1000_messages()
    {
        var random = new Random(191);
        var cases = Enumerable.Range(0, 1000).Select(i => (
            Key: random.PrivateKey(),
            Message: i % 2 == 0 ? random.Bytes(random.Next(0, 120)) : Encoding.UTF8.GetBytes(RandomText(random)),
            AsHex: i % 2 == 0)).ToList();

        // cast decodes arguments starting with "0x" as hex and signs any other text's UTF-8 bytes.
        var outputs = await CastBatch.RunAsync(cases
            .Select(c => (IReadOnlyList<string>)["wallet", "sign", "--private-key", Hex.Encode(c.Key.ExportBytes()),
                c.AsHex ? Hex.Encode(c.Message) : Encoding.UTF8.GetString(c.Message)])
            .ToList());

        for (var i = 0; i < cases.Count; i++)
        {
            var signature = PersonalMessage.Sign(cases[i].Message, cases[i].Key);
            Assert.Equal(outputs[i], Hex.Encode(signature.ToBytes(SignatureVEncoding.Offset27)));
            Assert.Equal(cases[i].Key.Address, PersonalMessage.RecoverSigner(cases[i].Message, signature));
        }
    }

    [Fact]
    public void Text_and_its_utf8_bytes_hash_alike_and_the_length_is_part_of_the_hash()
    {
        Assert.Equal(PersonalMessage.Hash(Encoding.UTF8.GetBytes("Grüße")), PersonalMessage.Hash("Grüße"));
        Assert.Equal(
            Keccak256.Hash(Encoding.UTF8.GetBytes("\u0019Ethereum Signed Message:\n7Grüße")),
            PersonalMessage.Hash("Grüße"));
        Assert.NotEqual(PersonalMessage.Hash("ab"), PersonalMessage.Hash("a"));
    }

    /// <summary>Words joined by spaces, never starting with "0x" or "-" (cast would read those as hex or an option).</summary>
    private static string RandomText(Random random)
    {
        var text = new StringBuilder("m");
        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
            text.Append(random.Next(3) == 0 ? ' ' : '_').Append(Words[random.Next(Words.Length)]);
        return text.ToString();
    }
}

using Ledger.Network.Keys;
using Ledger.Testing;

namespace Ledger.Network.Tests;

/// <summary>Node addresses and enode keys agree with cast's, for keys from the seeded source.</summary>
public sealed class NodeIdentityCastTests
{
    [Fact]
    public async Task Validator_address_and_enode_key_match_cast()
    {
        var keys = KeySource.Seeded("cast-oracle-seed");
        var nodes = Enumerable.Range(0, 20).Select(i => new NodeIdentity(keys.Key($"node/n{i}"))).ToArray();
        var cases = nodes.SelectMany(node => new[]
        {
            (IReadOnlyList<string>)["wallet", "address", "--private-key", node.PrivateKeyFileText()],
            ["wallet", "public-key", "--private-key", node.PrivateKeyFileText()],
        }).ToArray();

        var answers = await CastBatch.RunAsync(cases);

        for (var i = 0; i < nodes.Length; i++)
        {
            Assert.Equal(answers[2 * i], nodes[i].Address);
            Assert.Equal(answers[2 * i + 1].ToLowerInvariant(), "0x" + nodes[i].PublicKeyHex);
        }
    }

    [Fact]
    public async Task Seeded_keystores_decrypt_with_cast()
    {
        var keys = KeySource.Seeded("cast-oracle-seed");
        var folder = Directory.CreateTempSubdirectory("keystores-");
        try
        {
            var key = keys.Key("authority/ch");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "ch.json"), KeystoreWriter.ToJson(key, "pw", keys, "ch", KeystoreWriter.Light));
            var answer = await CastBatch.RunAsync([["wallet", "decrypt-keystore", "-k", folder.FullName, "ch.json", "--unsafe-password", "pw"]]);
            Assert.Contains(new NodeIdentity(key).PrivateKeyFileText(), answer[0], StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Different_labels_and_seeds_give_different_keys_and_the_same_label_the_same_key()
    {
        var a = KeySource.Seeded("seed-one-x");
        var b = KeySource.Seeded("seed-two-x");
        Assert.Equal(a.Key("node/ch").GetPublicAddress(), KeySource.Seeded("seed-one-x").Key("node/ch").GetPublicAddress());
        Assert.NotEqual(a.Key("node/ch").GetPublicAddress(), a.Key("node/fr").GetPublicAddress());
        Assert.NotEqual(a.Key("node/ch").GetPublicAddress(), b.Key("node/ch").GetPublicAddress());
    }
}

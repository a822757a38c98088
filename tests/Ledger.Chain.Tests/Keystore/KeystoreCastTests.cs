using Ledger.Chain.Crypto;
using Ledger.Chain.Keystore;
using Ledger.Chain.Primitives;
using Ledger.Chain.Tests.Crypto;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Keystore;

/// <summary>Keystores exchanged with cast in both directions (scrypt and pbkdf2, non-ASCII passwords).</summary>
public class KeystoreCastTests
{
    private static readonly string[] Passwords = ["testpassword", "pässwörd ✓", "' \" $HOME `x`", "数量 CH/2026/000123"];

    [Fact]
    public async Task Keystores_written_here_decrypt_with_cast()
    {
        var random = new Random(3000);
        var cases = Enumerable.Range(0, 8).Select(i => (
            Name: $"written-{i}",
            Key: random.PrivateKey(),
            Password: Passwords[i % Passwords.Length],
            Kdf: i % 2 == 0 ? (KdfParameters)new ScryptParameters(4096, 8, 1) : new Pbkdf2Parameters(4096))).ToList();
        var directory = Directory.CreateTempSubdirectory("keystores-");
        try
        {
            foreach (var c in cases)
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, c.Name), Web3SecretStorage.Encrypt(c.Key, c.Password, c.Kdf));

            var outputs = await CastBatch.RunAsync(cases
                .Select(c => (IReadOnlyList<string>)["wallet", "decrypt-keystore", "-k", directory.FullName, c.Name, "--unsafe-password", c.Password])
                .ToList());

            for (var i = 0; i < cases.Count; i++)
                Assert.Equal($"{cases[i].Name}'s private key is: {Hex.Encode(cases[i].Key.ExportBytes())}", outputs[i]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Keystores_written_by_cast_decrypt_here()
    {
        var random = new Random(3001);
        var cases = Enumerable.Range(0, 8).Select(i => (Name: $"cast-{i}", Key: random.PrivateKey(), Password: Passwords[i % Passwords.Length])).ToList();
        var directory = Directory.CreateTempSubdirectory("keystores-");
        try
        {
            var outputs = await CastBatch.RunAsync(cases
                .Select(c => (IReadOnlyList<string>)["wallet", "import", "-k", directory.FullName, c.Name,
                    "--unsafe-password", c.Password, "--private-key", Hex.Encode(c.Key.ExportBytes())])
                .ToList());

            for (var i = 0; i < cases.Count; i++)
            {
                Assert.EndsWith($"Address: {Hex.Encode(cases[i].Key.Address.Bytes)}", outputs[i]);
                using var key = Web3SecretStorage.DecryptFile(Path.Combine(directory.FullName, cases[i].Name), cases[i].Password);
                Assert.Equal(cases[i].Key.ExportBytes(), key.ExportBytes());
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

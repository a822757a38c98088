using System.Diagnostics;
using Nethereum.Signer;

namespace Ledger.Contracts.Tests.Ethereum;

/// <summary>
/// Keystores interoperate with an independent implementation both ways: what <c>cast wallet new</c>
/// writes opens with <see cref="Keystores"/>, and what <see cref="Keystores"/> writes (with the
/// project's explicit scrypt parameters) opens with <c>cast wallet decrypt-keystore</c>.
/// </summary>
public sealed class KeystoreCastTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly string _folder = Directory.CreateTempSubdirectory("keystores-").FullName;

    [Fact]
    public async Task A_keystore_cast_wrote_opens_with_the_key_cast_reports()
    {
        var created = await CastAsync("wallet", "new", _folder, "--unsafe-password", Password);
        var file = Assert.Single(Directory.GetFiles(_folder));
        var printed = created.Split('\n').Single(line => line.StartsWith("Address:", StringComparison.Ordinal))["Address:".Length..].Trim();

        var key = Keystores.DecryptFile(file, Password);

        Assert.Equal(Address.Parse(printed), key.AddressOf());
        Assert.Throws<KeystoreException>(() => Keystores.DecryptFile(file, Password + "!"));
    }

    [Fact]
    public async Task A_keystore_written_here_opens_in_cast_with_its_scrypt_parameters()
    {
        var key = EthECKey.GenerateKey();
        var json = Keystores.Encrypt(key, Password, Keystores.Scrypt(1 << 14, 8, 1));
        Assert.Contains("\"n\":16384", json, StringComparison.Ordinal);
        Assert.Contains("\"r\":8", json, StringComparison.Ordinal);
        Assert.Contains("\"p\":1", json, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_folder, "account"), json);

        var output = await CastAsync("wallet", "decrypt-keystore", "--keystore-dir", _folder, "account", "--unsafe-password", Password);

        Assert.Contains(HexText.Of(key.GetPrivateKeyAsBytes()), output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_keystore_asking_for_more_than_the_bound_is_refused_before_deriving()
    {
        var json = Keystores.Encrypt(EthECKey.GenerateKey(), Password, Keystores.Scrypt(1 << 10, 8, 1))
            .Replace("\"n\":1024", "\"n\":1048576", StringComparison.Ordinal);
        var refusal = Assert.Throws<KeystoreException>(() => Keystores.Decrypt(json, Password));
        Assert.Contains("out of the accepted bounds", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<string> CastAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(ToolPaths.Cast) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"cast {arguments[0]} {arguments[1]} failed: {error}");
        return output;
    }
}

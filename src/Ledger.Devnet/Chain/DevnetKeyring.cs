using Ledger.Contracts.Ethereum;
using Nethereum.KeyStore.Model;
using Nethereum.Signer;

namespace Ledger.Devnet.Chain;

/// <summary>
/// The demo authorities and the deployer, with their keys kept as encrypted keystore files
/// under the state folder: reused when present, so addresses stay the same across runs,
/// created otherwise. The password is a fixed dev password, printed on purpose: devnet only.
/// </summary>
public sealed class DevnetKeyring : IDisposable
{
    /// <summary>The password of every devnet keystore file.</summary>
    public const string DevPassword = "devnet-password-not-secret";

    // Scrypt at 2^14 instead of the standard 2^18: the same format the gateway loads, but a
    // restart does not spend seconds deriving throwaway keys.
    private static readonly ScryptParams DevScrypt = Keystores.Scrypt(1 << 14, 8, 1);

    private static readonly (string Identity, string Country, string Code, DevnetAuthorityKind Kind)[] Layout =
    [
        ("ch-issuer", "CH", "CH-FSVO", DevnetAuthorityKind.FoundingIssuer),
        ("fr-issuer", "FR", "FR-MTES", DevnetAuthorityKind.FoundingIssuer),
        ("ch-customs", "CH", "CH-BAZG", DevnetAuthorityKind.Customs),
        ("fr-customs", "FR", "FR-DGDDI", DevnetAuthorityKind.Customs),
        ("no-issuer", "NO", "NO-MDIR", DevnetAuthorityKind.VotedIssuer),
    ];

    private DevnetKeyring(string folder, EthECKey deployer, IReadOnlyList<DevnetAuthority> authorities)
    {
        Folder = folder;
        Deployer = deployer;
        Authorities = authorities;
        PasswordFile = Path.Combine(folder, "password.txt");
    }

    /// <summary>Folder of the keystore files.</summary>
    public string Folder { get; }

    /// <summary>File holding <see cref="DevPassword"/>, for the gateway's Chain:Keystores entries.</summary>
    public string PasswordFile { get; }

    /// <summary>The account that deploys the contracts (no authority).</summary>
    public EthECKey Deployer { get; }

    /// <summary>The demo authorities, founders first.</summary>
    public IReadOnlyList<DevnetAuthority> Authorities { get; }

    /// <summary>The authority of an identity name.</summary>
    public DevnetAuthority this[string identity] => Authorities.Single(authority => authority.Identity == identity);

    /// <summary>Path of the keystore file of an identity (or "deployer").</summary>
    public string KeystorePath(string identity) => Path.Combine(Folder, identity + ".json");

    /// <summary>Loads the keys from <paramref name="folder"/>, creating the missing ones.</summary>
    public static async Task<DevnetKeyring> OpenAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "password.txt"), DevPassword, cancellationToken);
        var deployer = await LoadOrCreateAsync(Path.Combine(folder, "deployer.json"), cancellationToken);
        var authorities = new List<DevnetAuthority>();
        foreach (var (identity, country, code, kind) in Layout)
        {
            var key = await LoadOrCreateAsync(Path.Combine(folder, identity + ".json"), cancellationToken);
            authorities.Add(new DevnetAuthority(identity, country, code, kind, key));
        }
        return new DevnetKeyring(folder, deployer, authorities);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nethereum's EthECKey holds no unmanaged secret to wipe; nothing to release beyond the references.
    }

    private static async Task<EthECKey> LoadOrCreateAsync(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            try
            {
                return Keystores.DecryptFile(path, DevPassword);
            }
            catch (KeystoreException)
            {
                // Not ours (another password or a damaged file): replace it, it is a devnet.
            }
        }
        var key = EthECKey.GenerateKey();
        await File.WriteAllTextAsync(path, Keystores.Encrypt(key, DevPassword, DevScrypt), cancellationToken);
        return key;
    }
}

using Ledger.Network.Keys;
using Nethereum.KeyStore;

namespace Ledger.Network.Tests;

public sealed class KeystoreWriterTests
{
    [Fact]
    public void Seeded_keystores_are_reproducible_and_decrypt_to_the_key()
    {
        var keys = KeySource.Seeded("unit-test-seed");
        var key = keys.Key("authority/ch");
        var first = KeystoreWriter.ToJson(key, "pw", keys, "ch", KeystoreWriter.Light);
        var second = KeystoreWriter.ToJson(key, "pw", keys, "ch", KeystoreWriter.Light);
        Assert.Equal(first, second);
        Assert.Equal(key.GetPrivateKeyAsBytes(), new KeyStoreService().DecryptKeyStoreFromJson("pw", first));
    }
}

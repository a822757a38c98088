using Ledger.Contracts.Authorities;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Ledger.Devnet.Hosting;
using Nethereum.JsonRpc.Client;

namespace Ledger.Devnet.Chain;

/// <summary>
/// Startup step of the devnet: an issuer publishes its gateway's peer endpoint (URL and the
/// SHA-256 of its peer certificate) in the on-chain directory for itself and for each of its
/// agencies already designated, signing with the issuer's own keystore (the one its gateway
/// holds), as its operator would with `publishGateway`. Entries already right are left alone.
/// </summary>
public static class DevnetGatewayDirectory
{
    /// <summary>Publishes; returns the accounts published and those skipped because they are not authorities yet.</summary>
    public static async Task<(IReadOnlyList<string> Published, IReadOnlyList<string> NotYetDesignated)> PublishAsync(
        Uri rpcUrl, string authorityRegistry, DevnetAuthority authority, Uri peerUrl, Bytes32 fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(peerUrl);
        var issuer = authority.Accounts[0];
        var password = (await File.ReadAllTextAsync(authority.Folder.KeystorePassword, cancellationToken)).TrimEnd('\r', '\n');
        var key = Keystores.DecryptFile(authority.Folder.Keystore(issuer.KeystoreId), password);
        FastSigning.Enable();
        var client = new RpcClient(rpcUrl);
        var sender = await TransactionSender.CreateAsync(client, key,
            new TransactionSenderOptions { MaxPriorityFeePerGas = 0, ReceiptPollInterval = TimeSpan.FromMilliseconds(100) },
            cancellationToken: cancellationToken);
        var registry = new AuthorityRegistryContract(Address.Parse(authorityRegistry), client, sender);
        var url = peerUrl.GetLeftPart(UriPartial.Authority);
        var published = new List<string>();
        var skipped = new List<string>();
        foreach (var account in authority.Accounts)
        {
            var address = Address.Parse(account.Address);
            if (!(await registry.ProfileOfAsync(address, cancellationToken: cancellationToken)).Exists)
            {
                skipped.Add(account.Identity);
                continue;
            }
            if (await registry.GatewayOfAsync(address, cancellationToken: cancellationToken) != (url, fingerprint))
                await registry.PublishGatewayAsync(address, url, fingerprint, cancellationToken);
            published.Add(account.Identity);
        }
        return (published, skipped);
    }
}

using System.Collections.Concurrent;
using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Errors;
using Ledger.Gateway.Identity;
using Microsoft.Extensions.Options;
using Nethereum.Signer;

namespace Ledger.Gateway.Chain;

/// <summary>
/// The authority keys this gateway signs with (one per national agency it acts for), loaded
/// from encrypted keystore files at startup, and one transaction sender per key. Keys never
/// leave this type: not in logs, messages or exceptions.
/// </summary>
public sealed class AuthorityKeyring : IDisposable
{
    private readonly Dictionary<Address, EthECKey> _keys = [];
    private readonly ConcurrentDictionary<Address, Lazy<Task<TransactionSender>>> _senders = new();
    private readonly LedgerChain _chain;
    private readonly TransactionSenderOptions _senderOptions;
    private readonly TimeProvider _time;
    private readonly INonceLease _nonceLeases;
    private readonly TimeSpan _nonceWait;
    private readonly KeyringAuthorityGate _gate;

    /// <summary>Decrypts every configured keystore and checks that each holds the key of its configured account.</summary>
    /// <exception cref="InvalidOperationException">A keystore cannot be read or decrypted, or holds another account's key.</exception>
    public AuthorityKeyring(
        IOptions<GatewayChainOptions> options, LedgerChain chain, INonceLease nonceLeases, IOptions<Stores.StoreOptions> stores, TimeProvider timeProvider,
        KeyringAuthorityGate gate)
    {
        ArgumentNullException.ThrowIfNull(options);
        _chain = chain;
        _gate = gate;
        _time = timeProvider;
        _nonceLeases = nonceLeases;
        // Wait for another replica's send at most as long as its lease can live.
        _nonceWait = stores.Value.NonceLeaseExpiry;
        _senderOptions = new TransactionSenderOptions
        {
            Confirmations = options.Value.Confirmations,
            MaxPriorityFeePerGas = options.Value.MaxPriorityFeePerGas,
            ReceiptPollInterval = options.Value.ReceiptPollInterval,
            ReceiptTimeout = options.Value.ReceiptTimeout,
        };
        foreach (var entry in options.Value.Keystores)
        {
            var account = Address.Parse(entry.Account.Trim());
            var key = Load(entry, account);
            _keys.Add(account, key);
        }
    }

    /// <summary>The accounts this gateway can sign for.</summary>
    public IReadOnlyCollection<Address> Accounts => _keys.Keys;

    /// <summary>
    /// The sender for the caller's authority account, once the keyring passed the on-chain check
    /// (<see cref="KeyringAuthorityGate"/>).
    /// </summary>
    /// <exception cref="LedgerException">FailedPrecondition when this gateway holds no key for the caller's authority
    /// or the keyring check refused its keys; Unavailable when that check could not run yet.</exception>
    /// <param name="caller">The caller whose authority signs.</param>
    /// <param name="ct">Ends the wait for the keyring check (a node outage makes it wait for a node's answer).</param>
    public async Task<TransactionSender> SenderForAsync(CallerIdentity caller, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var account = Address.Parse(caller.AuthorityAddress);
        if (!_keys.TryGetValue(account, out var key))
        {
            throw new LedgerException(LedgerError.FailedPrecondition(
                $"This gateway holds no signing key for authority {account}, so it cannot write for it; " +
                "ask the gateway operator to add the authority's keystore (Chain:Keystores)."));
        }
        await _gate.EnsurePassedAsync(Accounts, ct).ConfigureAwait(false);
        return await SenderAsync(account, key).ConfigureAwait(false);
    }

    private async Task<TransactionSender> SenderAsync(Address account, EthECKey key)
    {
        var sender = _senders.GetOrAdd(account, _ => new Lazy<Task<TransactionSender>>(() => CreateSenderAsync(account, key)));
        try
        {
            return await sender.Value.ConfigureAwait(false);
        }
        catch
        {
            // The node was unreachable when the sender was made: make it again next time.
            _senders.TryRemove(KeyValuePair.Create(account, sender));
            throw;
        }
    }

    private async Task<TransactionSender> CreateSenderAsync(Address account, EthECKey key)
    {
        var chainId = (ulong)(await _chain.Web3.Eth.ChainId.SendRequestAsync().ConfigureAwait(false)).Value;
        // Replicas sharing this key take the store's lease around each nonce (Redis, or memory during an outage).
        var nonces = new AccountNonces(_chain.Rpc, account, _nonceLeases, _nonceWait, timeProvider: _time);
        return new TransactionSender(_chain.Rpc, key, chainId, _senderOptions, _time, nonces);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nethereum's EthECKey cannot wipe its secret; dropping the references is all there is.
        _keys.Clear();
    }

    private static EthECKey Load(KeystoreEntryOptions entry, Address account)
    {
        EthECKey key;
        try
        {
            key = Keystores.DecryptFile(entry.KeystorePath, KeystorePassword.Read(entry));
        }
        catch (Exception e) when (e is KeystoreException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The keystore '{entry.KeystorePath}' of {account} cannot be loaded: {e.Message}", e);
        }
        var actual = Address.Parse(key.GetPublicAddress());
        if (actual != account)
        {
            throw new InvalidOperationException(
                $"The keystore '{entry.KeystorePath}' holds the key of {actual}, not of the configured account {account}.");
        }
        return key;
    }
}

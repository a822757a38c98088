using Ledger.Chain.Crypto;
using Ledger.Chain.Primitives;
using Ledger.Chain.Sending;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Permits;

namespace Ledger.Contracts.Tests.Devnet;

/// <summary>A dev account with its own sender and both contract bindings acting as it.</summary>
public sealed class Party : IDisposable
{
    private readonly PrivateKey _key;

    internal Party(string label, PrivateKey key, TransactionSender sender, AuthorityRegistryContract authorities, PermitRegistryContract permits)
    {
        Label = label;
        _key = key;
        Sender = sender;
        Authorities = authorities;
        Permits = permits;
    }

    /// <summary>A name for messages, e.g. "customs CH".</summary>
    public string Label { get; }

    /// <summary>The account.</summary>
    public Address Address => _key.Address;

    /// <summary>Sends as this account.</summary>
    public TransactionSender Sender { get; }

    /// <summary>The AuthorityRegistry, acting as this account.</summary>
    public AuthorityRegistryContract Authorities { get; }

    /// <summary>The PermitRegistry, acting as this account.</summary>
    public PermitRegistryContract Permits { get; }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"{Label} ({Address})";
}

using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Permits;

namespace Ledger.Contracts.Tests.Devnet;

/// <summary>A dev account with its own sender and both contract bindings acting as it.</summary>
public sealed class Party
{

    internal Party(string label, TransactionSender sender, AuthorityRegistryContract authorities, PermitRegistryContract permits)
    {
        Label = label;
        Sender = sender;
        Authorities = authorities;
        Permits = permits;
    }

    /// <summary>A name for messages, e.g. "customs CH".</summary>
    public string Label { get; }

    /// <summary>The account.</summary>
    public Address Address => Sender.From;

    /// <summary>Sends as this account.</summary>
    public TransactionSender Sender { get; }

    /// <summary>The AuthorityRegistry, acting as this account.</summary>
    public AuthorityRegistryContract Authorities { get; }

    /// <summary>The PermitRegistry, acting as this account.</summary>
    public PermitRegistryContract Permits { get; }


    /// <inheritdoc />
    public override string ToString() => $"{Label} ({Address})";
}

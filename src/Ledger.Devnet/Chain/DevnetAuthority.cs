using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Nethereum.Signer;

namespace Ledger.Devnet.Chain;

/// <summary>What a seeded authority is on chain.</summary>
public enum DevnetAuthorityKind
{
    /// <summary>A founding issuer, in the AuthorityRegistry's constructor.</summary>
    FoundingIssuer,

    /// <summary>Customs designated by its country's issuer.</summary>
    Customs,

    /// <summary>An issuer admitted later by a vote of the founders.</summary>
    VotedIssuer,
}

/// <summary>One demo authority: its dev identity name, country, code and signing key (never printed).</summary>
/// <param name="Identity">The devnet identity officers claim for it, e.g. ch-issuer.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code.</param>
/// <param name="Code">Short code registered on chain (at most 32 ASCII characters).</param>
/// <param name="Kind">How it gets onto the ledger.</param>
/// <param name="Key">Its account key.</param>
public sealed record DevnetAuthority(string Identity, string Country, string Code, DevnetAuthorityKind Kind, EthECKey Key)
{
    /// <summary>Identity, country and address only: the key stays out of logs.</summary>
    /// <summary>The authority's account.</summary>
    public Address Address => Key.AddressOf();

    /// <inheritdoc />
    public override string ToString() => $"{Identity} ({Country} {Kind}, {Address})";
}

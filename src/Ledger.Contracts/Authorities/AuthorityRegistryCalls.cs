using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Contracts.Binding;

namespace Ledger.Contracts.Authorities;

/// <summary>Calldata for every AuthorityRegistry function, from the embedded ABI.</summary>
internal static class AuthorityRegistryCalls
{
    private static readonly ContractAbi Abi = LedgerArtifacts.AuthorityRegistry.Abi;

    public static ContractCall ProposalLifetime() => new(Abi.GetFunction("PROPOSAL_LIFETIME"));

    public static ContractCall ActiveIssuerCount() => new(Abi.GetFunction("activeIssuerCount"));

    public static ContractCall Authorities() => new(Abi.GetFunction("authorities"));

    public static ContractCall AuthoritiesPage(ulong offset, ulong limit) => new(Abi.GetFunction("authoritiesPage"), offset, limit);

    public static ContractCall AuthorityCount() => new(Abi.GetFunction("authorityCount"));

    public static ContractCall AuthorityOf(Address account) => new(Abi.GetFunction("authorityOf"), account);

    public static ContractCall CloseExpired(ulong id) => new(Abi.GetFunction("closeExpired"), id);

    public static ContractCall Designate(Address account, AuthorityKind kind, Hash32 code) =>
        new(Abi.GetFunction("designate"), account, EnumArguments.Require(kind, nameof(kind)), AbiValues.Encode(code));

    public static ContractCall HasVoted(ulong id, Address voter) => new(Abi.GetFunction("hasVoted"), id, voter);

    public static ContractCall IsActive(Address account, AuthorityKind kind, CountryBytes country) =>
        new(Abi.GetFunction("isActive"), account, EnumArguments.Require(kind, nameof(kind)), AbiValues.Encode(country));

    public static ContractCall PendingProposalIds() => new(Abi.GetFunction("pendingProposalIds"));

    public static ContractCall ProfileOf(Address account) => new(Abi.GetFunction("profileOf"), account);

    public static ContractCall ProfilesOf(Address actor, Address issuer) => new(Abi.GetFunction("profilesOf"), actor, issuer);

    public static ContractCall Proposal(ulong id) => new(Abi.GetFunction("proposal"), id);

    public static ContractCall ProposalCount() => new(Abi.GetFunction("proposalCount"));

    public static ContractCall ProposeIssuer(Address account, CountryBytes country, Hash32 code) =>
        new(Abi.GetFunction("proposeIssuer"), account, AbiValues.Encode(country), AbiValues.Encode(code));

    public static ContractCall ProposeReinstatement(Address account) => new(Abi.GetFunction("proposeReinstatement"), account);

    public static ContractCall ProposeSecretariat(Address account, CountryBytes country, Hash32 code) =>
        new(Abi.GetFunction("proposeSecretariat"), account, AbiValues.Encode(country), AbiValues.Encode(code));

    public static ContractCall ProposeSuspension(Address account) => new(Abi.GetFunction("proposeSuspension"), account);

    public static ContractCall ReinstateAgency(Address account) => new(Abi.GetFunction("reinstateAgency"), account);

    public static ContractCall SuspendAgency(Address account) => new(Abi.GetFunction("suspendAgency"), account);

    public static ContractCall Vote(ulong id) => new(Abi.GetFunction("vote"), id);
}

using Ledger.Contracts.Binding;
using Ledger.Contracts.Generated.AuthorityRegistry.ContractDefinition;
using Ledger.Core.Primitives;

namespace Ledger.Contracts.Authorities;

/// <summary>Calldata for every AuthorityRegistry function, through the generated Nethereum messages.</summary>
internal static class AuthorityRegistryCalls
{
    public static ContractCall ProposalLifetime() => ContractCall.Of(new ProposalLifetimeFunction());

    public static ContractCall BftMinValidators() => ContractCall.Of(new BftMinValidatorsFunction());

    public static ContractCall MaxGatewayUrlLength() => ContractCall.Of(new MaxGatewayUrlLengthFunction());

    public static ContractCall ActiveIssuerCount() => ContractCall.Of(new ActiveIssuerCountFunction());

    public static ContractCall Authorities() => ContractCall.Of(new AuthoritiesFunction());

    public static ContractCall AuthoritiesPage(ulong offset, ulong limit) => ContractCall.Of(new AuthoritiesPageFunction { Offset = offset, Limit = limit });

    public static ContractCall AuthorityCount() => ContractCall.Of(new AuthorityCountFunction());

    public static ContractCall AuthorityOf(Address account) => ContractCall.Of(new AuthorityOfFunction { Account = AbiValues.Encode(account) });

    public static ContractCall CloseExpired(ulong id) => ContractCall.Of(new CloseExpiredFunction { Id = id });

    public static ContractCall Designate(Address account, AuthorityKind kind, Bytes32 code) => ContractCall.Of(new DesignateFunction
    {
        Account = AbiValues.Encode(account), Kind = (byte)EnumArguments.Require(kind, nameof(kind)), Code = AbiValues.Encode(code),
    });

    public static ContractCall HasVoted(ulong id, Address voter) => ContractCall.Of(new HasVotedFunction { Id = id, Voter = AbiValues.Encode(voter) });

    public static ContractCall IsActive(Address account, AuthorityKind kind, CountryBytes country) => ContractCall.Of(new IsActiveFunction
    {
        Account = AbiValues.Encode(account), Kind = (byte)EnumArguments.Require(kind, nameof(kind)), Country = AbiValues.Encode(country),
    });

    public static ContractCall PendingProposalIds() => ContractCall.Of(new PendingProposalIdsFunction());

    public static ContractCall ProfileOf(Address account) => ContractCall.Of(new ProfileOfFunction { Account = AbiValues.Encode(account) });

    public static ContractCall ProfilesOf(Address actor, Address issuer) =>
        ContractCall.Of(new ProfilesOfFunction { Actor = AbiValues.Encode(actor), Issuer = AbiValues.Encode(issuer) });

    public static ContractCall Proposal(ulong id) => ContractCall.Of(new ProposalFunction { Id = id });

    public static ContractCall ProposalCount() => ContractCall.Of(new ProposalCountFunction());

    public static ContractCall ProposeIssuer(Address account, CountryBytes country, Bytes32 code, Address node) => ContractCall.Of(new ProposeIssuerFunction
    {
        Account = AbiValues.Encode(account), Country = AbiValues.Encode(country), Code = AbiValues.Encode(code), Node = AbiValues.Encode(node),
    });

    public static ContractCall ProposeReinstatement(Address account) => ContractCall.Of(new ProposeReinstatementFunction { Account = AbiValues.Encode(account) });

    public static ContractCall ProposeSecretariat(Address account, CountryBytes country, Bytes32 code) => ContractCall.Of(new ProposeSecretariatFunction
    {
        Account = AbiValues.Encode(account), Country = AbiValues.Encode(country), Code = AbiValues.Encode(code),
    });

    public static ContractCall ProposeSuspension(Address account) => ContractCall.Of(new ProposeSuspensionFunction { Account = AbiValues.Encode(account) });

    public static ContractCall ReinstateAgency(Address account) => ContractCall.Of(new ReinstateAgencyFunction { Account = AbiValues.Encode(account) });

    public static ContractCall SuspendAgency(Address account) => ContractCall.Of(new SuspendAgencyFunction { Account = AbiValues.Encode(account) });

    public static ContractCall GetValidators() => ContractCall.Of(new GetValidatorsFunction());

    public static ContractCall ValidatorCount() => ContractCall.Of(new ValidatorCountFunction());

    public static ContractCall NodeOf(Address account) => ContractCall.Of(new NodeOfFunction { Account = AbiValues.Encode(account) });

    public static ContractCall AccountOfNode(Address node) => ContractCall.Of(new AccountOfNodeFunction { Node = AbiValues.Encode(node) });

    public static ContractCall IsValidator(Address node) => ContractCall.Of(new IsValidatorFunction { Node = AbiValues.Encode(node) });

    public static ContractCall RotateNode(Address newNode) => ContractCall.Of(new RotateNodeFunction { NewNode = AbiValues.Encode(newNode) });

    public static ContractCall PublishGateway(Address account, string url, Bytes32 fingerprint) => ContractCall.Of(new PublishGatewayFunction
    {
        Account = AbiValues.Encode(account), Url = url, Fingerprint = AbiValues.Encode(fingerprint),
    });

    public static ContractCall GatewayOf(Address account) => ContractCall.Of(new GatewayOfFunction { Account = AbiValues.Encode(account) });

    public static ContractCall Vote(ulong id) => ContractCall.Of(new VoteFunction { Id = id });
}

// Generated from src/Ledger.Contracts/Artifacts/*.json by ErrorRecordGenerator
// (tests/Ledger.Contracts.Tests/Generation). Do not edit. After scripts/export-artifacts.sh, run
//   LEDGER_REGENERATE=1 dotnet test tests/Ledger.Contracts.Tests --filter Generated_error_records_match_the_artifacts

using Ledger.Contracts.Binding;

namespace Ledger.Contracts.Errors;

public static partial class ContractErrors
{
    private static partial ContractError? Map(string signature, IReadOnlyList<object?> arguments) => signature switch
    {
        "AccountIsNode(address,address)" => new AccountIsNode(
            AbiValues.ToAddress(arguments[0]), AbiValues.ToAddress(arguments[1])),
        "AlreadyVoted(uint256,address)" => new AlreadyVoted(
            AbiValues.ToUInt64(arguments[0]), AbiValues.ToAddress(arguments[1])),
        "ArrivalExceedsExport(bytes32,bytes32,uint256,uint96,uint96)" => new ArrivalExceedsExport(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToBytes32(arguments[1]), AbiValues.ToUInt64(arguments[2]),
            AbiValues.ToQuantity(arguments[3]), AbiValues.ToQuantity(arguments[4])),
        "AuthorityAlreadyExists(address,uint8)" => new AuthorityAlreadyExists(
            AbiValues.ToAddress(arguments[0]), AbiValues.ToEnum<AuthorityKind>(arguments[1])),
        "AuthorityNotActive(address,uint8)" => new AuthorityNotActive(
            AbiValues.ToAddress(arguments[0]), AbiValues.ToEnum<AuthorityStatus>(arguments[1])),
        "EmptyGatewayUrl(address)" => new EmptyGatewayUrl(
            AbiValues.ToAddress(arguments[0])),
        "EmptyShipment(bytes32,bytes32)" => new EmptyShipment(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToBytes32(arguments[1])),
        "ExportBelowArrival(bytes32,bytes32,uint256,uint96,uint96)" => new ExportBelowArrival(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToBytes32(arguments[1]), AbiValues.ToUInt64(arguments[2]),
            AbiValues.ToQuantity(arguments[3]), AbiValues.ToQuantity(arguments[4])),
        "GatewayUrlTooLong(address,uint256,uint256)" => new GatewayUrlTooLong(
            AbiValues.ToAddress(arguments[0]), AbiValues.ToUInt64(arguments[1]), AbiValues.ToUInt64(arguments[2])),
        "InvalidAuthorityRegistry(address)" => new InvalidAuthorityRegistry(
            AbiValues.ToAddress(arguments[0])),
        "InvalidBatchSize(uint256,uint256)" => new InvalidBatchSize(
            AbiValues.ToUInt64(arguments[0]), AbiValues.ToUInt64(arguments[1])),
        "InvalidCountry(bytes2)" => new InvalidCountry(
            AbiValues.ToCountry(arguments[0])),
        "InvalidFoundingIssuers(uint256,uint256,uint256,uint256)" => new InvalidFoundingIssuers(
            AbiValues.ToUInt64(arguments[0]), AbiValues.ToUInt64(arguments[1]), AbiValues.ToUInt64(arguments[2]),
            AbiValues.ToUInt64(arguments[3])),
        "InvalidLineCount(bytes32,uint256)" => new InvalidLineCount(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToUInt64(arguments[1])),
        "InvalidValidity(bytes32,uint40,uint40)" => new InvalidValidity(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToUInt64(arguments[1]), AbiValues.ToUInt64(arguments[2])),
        "LastActiveIssuer(address)" => new LastActiveIssuer(
            AbiValues.ToAddress(arguments[0])),
        "LineCountMismatch(bytes32,uint256,uint256)" => new LineCountMismatch(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToUInt64(arguments[1]), AbiValues.ToUInt64(arguments[2])),
        "NoDestination(bytes32)" => new NoDestination(
            AbiValues.ToBytes32(arguments[0])),
        "NodeAlreadyUsed(address,address)" => new NodeAlreadyUsed(
            AbiValues.ToAddress(arguments[0]), AbiValues.ToAddress(arguments[1])),
        "NodeIsAuthority(address)" => new NodeIsAuthority(
            AbiValues.ToAddress(arguments[0])),
        "NotAGovernedKind(address,uint8)" => new NotAGovernedKind(
            AbiValues.ToAddress(arguments[0]), AbiValues.ToEnum<AuthorityKind>(arguments[1])),
        "NotAnAgencyKind(uint8)" => new NotAnAgencyKind(
            AbiValues.ToEnum<AuthorityKind>(arguments[0])),
        "NotEligibleToVote(uint256,address)" => new NotEligibleToVote(
            AbiValues.ToUInt64(arguments[0]), AbiValues.ToAddress(arguments[1])),
        "PermitAlreadyClosed(bytes32,uint8)" => new PermitAlreadyClosed(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToEnum<PermitState>(arguments[1])),
        "PermitAlreadyRegistered(bytes32)" => new PermitAlreadyRegistered(
            AbiValues.ToBytes32(arguments[0])),
        "PermitNotUsable(bytes32,uint8)" => new PermitNotUsable(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToEnum<VerificationReason>(arguments[1])),
        "PreviousKeyMismatch(bytes32,bytes32,bytes32)" => new PreviousKeyMismatch(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToBytes32(arguments[1]), AbiValues.ToBytes32(arguments[2])),
        "ProposalAlreadyClosed(uint256)" => new ProposalAlreadyClosed(
            AbiValues.ToUInt64(arguments[0])),
        "ProposalAlreadyExecuted(uint256)" => new ProposalAlreadyExecuted(
            AbiValues.ToUInt64(arguments[0])),
        "ProposalAlreadyOpen(address,uint256)" => new ProposalAlreadyOpen(
            AbiValues.ToAddress(arguments[0]), AbiValues.ToUInt64(arguments[1])),
        "ProposalExpired(uint256,uint40)" => new ProposalExpired(
            AbiValues.ToUInt64(arguments[0]), AbiValues.ToUInt64(arguments[1])),
        "ProposalNotExpired(uint256,uint40)" => new ProposalNotExpired(
            AbiValues.ToUInt64(arguments[0]), AbiValues.ToUInt64(arguments[1])),
        "QuantityExceeded(bytes32,uint256,uint96,uint96)" => new QuantityExceeded(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToUInt64(arguments[1]), AbiValues.ToQuantity(arguments[2]),
            AbiValues.ToQuantity(arguments[3])),
        "SelfReference(bytes32)" => new SelfReference(
            AbiValues.ToBytes32(arguments[0])),
        "ShipmentConflict(bytes32,bytes32)" => new ShipmentConflict(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToBytes32(arguments[1])),
        "ShipmentLimitReached(bytes32,uint16,uint16)" => new ShipmentLimitReached(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToUInt16(arguments[1]), AbiValues.ToUInt16(arguments[2])),
        "StatusUnchanged(address,uint8)" => new StatusUnchanged(
            AbiValues.ToAddress(arguments[0]), AbiValues.ToEnum<AuthorityStatus>(arguments[1])),
        "UnknownAuthority(address)" => new UnknownAuthority(
            AbiValues.ToAddress(arguments[0])),
        "UnknownPermit(bytes32)" => new UnknownPermit(
            AbiValues.ToBytes32(arguments[0])),
        "UnknownProposal(uint256)" => new UnknownProposal(
            AbiValues.ToUInt64(arguments[0])),
        "UnlimitedShipmentsNotAllowed(bytes32,uint8)" => new UnlimitedShipmentsNotAllowed(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToEnum<PermitType>(arguments[1])),
        "VerifyBatchTooLarge(uint256,uint256)" => new VerifyBatchTooLarge(
            AbiValues.ToUInt64(arguments[0]), AbiValues.ToUInt64(arguments[1])),
        "WrongAuthorityKind(address,uint8,uint8)" => new WrongAuthorityKind(
            AbiValues.ToAddress(arguments[0]), AbiValues.ToEnum<AuthorityKind>(arguments[1]), AbiValues.ToEnum<AuthorityKind>(arguments[2])),
        "WrongCountry(address,bytes2,bytes2)" => new WrongCountry(
            AbiValues.ToAddress(arguments[0]), AbiValues.ToCountry(arguments[1]), AbiValues.ToCountry(arguments[2])),
        "ZeroAccount()" => new ZeroAccount(),
        "ZeroAuthorisedQuantity(bytes32,uint256)" => new ZeroAuthorisedQuantity(
            AbiValues.ToBytes32(arguments[0]), AbiValues.ToUInt64(arguments[1])),
        "ZeroCode(address)" => new ZeroCode(
            AbiValues.ToAddress(arguments[0])),
        "ZeroDocumentHash(bytes32)" => new ZeroDocumentHash(
            AbiValues.ToBytes32(arguments[0])),
        "ZeroFingerprint(address)" => new ZeroFingerprint(
            AbiValues.ToAddress(arguments[0])),
        "ZeroNode()" => new ZeroNode(),
        "ZeroPermitKey()" => new ZeroPermitKey(),
        "ZeroReasonCode(bytes32)" => new ZeroReasonCode(
            AbiValues.ToBytes32(arguments[0])),
        "ZeroShipmentRef(bytes32)" => new ZeroShipmentRef(
            AbiValues.ToBytes32(arguments[0])),
        _ => null,
    };
}

using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Core.Permits;
using Ledger.Core.Verification;
using Ledger.Gateway.Chain;
using CoreVerification = Ledger.Core.Verification.PermitVerification;

namespace Ledger.Gateway.Application;

/// <summary>Builds the VerifyPermit answer from the chain snapshot and Core's judgement.</summary>
internal static class VerificationResponse
{
    /// <summary>The response, without document_matches (that depends on what the caller presented).</summary>
    public static VerifyPermitResponse Build(PermitId id, PermitSnapshot snapshot, CoreVerification verification)
    {
        var response = new VerifyPermitResponse
        {
            PermitId = id.Normalised,
            PermitKey = id.Key.ToString(),
            Status = ChainEnumMapping.VerificationStatusFromChain((byte)verification.Status),
            Reason = ChainEnumMapping.VerificationReasonFromChain((byte)verification.Reason),
            StatusText = VerificationTexts.Summarise(verification),
            AsOfBlock = snapshot.BlockNumber,
        };
        var permit = snapshot.Permit;
        if (!permit.Exists)
            return response;
        response.Issuer = new AuthorityRef
        {
            Address = permit.Issuer.ToChecksumHex(),
            Country = permit.IssuerCountry?.Value ?? "",
            Kind = Ledger.Api.V1.AuthorityKind.Issuer,
        };
        response.Type = ChainEnumMapping.PermitTypeFromChain((byte)permit.Type);
        response.ValidFrom = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds((long)permit.ValidFrom));
        response.ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds((long)permit.ValidUntil));
        response.DestinationCountry = permit.Destination?.Value ?? "";
        response.Lines.AddRange(ApiMapping.ToBalances(permit.Lines));
        response.ShipmentsUsed = permit.ShipmentsUsed;
        response.MaxShipments = permit.MaxShipments;
        response.DocumentHash = permit.DocumentHash.ToString();
        response.PreviousPermitKey = permit.Previous?.ToString() ?? "";
        response.ReplacementPermitKey = permit.Replacement?.ToString() ?? "";
        return response;
    }
}

using Ledger.Core.Primitives;
using Ledger.Core.Authorities;
using Ledger.Core.Countries;
using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Core.Verification;
using Ledger.Contracts.Permits;

namespace Ledger.Gateway.Chain;

/// <summary>What PermitRegistry.verify returned for one permit key at one block.</summary>
internal sealed record OnChainPermit
{
    /// <summary>The reason the contract gave (Unknown when the key was never registered).</summary>
    public required VerificationReason Reason { get; init; }

    /// <summary>The registering issuer.</summary>
    public required Address Issuer { get; init; }

    /// <summary>The issuer's country.</summary>
    public required CountryCode? IssuerCountry { get; init; }

    /// <summary>The document type.</summary>
    public required PermitType Type { get; init; }

    /// <summary>Start of validity, unix seconds.</summary>
    public required ulong ValidFrom { get; init; }

    /// <summary>End of validity (exclusive), unix seconds.</summary>
    public required ulong ValidUntil { get; init; }

    /// <summary>The destination country, if any.</summary>
    public required CountryCode? Destination { get; init; }

    /// <summary>Authorised and used amounts per line.</summary>
    public required IReadOnlyList<QuantityLine> Lines { get; init; }

    /// <summary>Shipments recorded.</summary>
    public required ushort ShipmentsUsed { get; init; }

    /// <summary>Shipments allowed (0 = unlimited).</summary>
    public required ushort MaxShipments { get; init; }

    /// <summary>The anchored document hash.</summary>
    public required DocumentHash DocumentHash { get; init; }

    /// <summary>The permit this one derives from, or null.</summary>
    public required PermitKey? Previous { get; init; }

    /// <summary>The permit that replaced this one, or null.</summary>
    public required PermitKey? Replacement { get; init; }

    /// <summary>The cancellation reason code, or 0.</summary>
    public required byte CancelReasonCode { get; init; }

    /// <summary>True unless the key was never registered.</summary>
    public bool Exists => Reason != VerificationReason.Unknown;

    /// <summary>The bindings' <c>verify(bytes32)</c> view in Core's terms.</summary>
    public static OnChainPermit From(PermitVerificationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new OnChainPermit
        {
            Reason = (VerificationReason)view.Reason,
            Issuer = view.Issuer,
            IssuerCountry = ChainValues.ToCountry(view.IssuerCountry),
            Type = (PermitType)view.PermitType,
            ValidFrom = view.ValidFrom,
            ValidUntil = view.ValidUntil,
            Destination = ChainValues.ToCountry(view.Destination),
            Lines = view.Authorised.Zip(view.Used, (a, u) => new QuantityLine(a, u)).ToList(),
            ShipmentsUsed = view.ShipmentsUsed,
            MaxShipments = view.MaxShipments,
            DocumentHash = new DocumentHash(view.DocumentHash),
            Previous = OptionalKey(view.PreviousKey),
            Replacement = OptionalKey(view.ReplacementKey),
            CancelReasonCode = view.CancelReason,
        };
    }

    /// <summary>
    /// The anchored facts in Core's terms, for <see cref="PermitVerification.Evaluate"/>; null
    /// for a key never registered.
    /// </summary>
    public AnchoredPermit? ToAnchored(AuthorityStatus issuerStatus)
    {
        if (!Exists || IssuerCountry is null)
            return null;
        return new AnchoredPermit
        {
            IssuerAddress = Issuer.ToChecksumHex(),
            IssuerCountry = IssuerCountry,
            IssuerStatus = issuerStatus,
            Type = Type,
            Validity = ValidityWindow.FromChain(ValidFrom, ValidUntil),
            Destination = Destination,
            Lines = Lines,
            ShipmentsUsed = ShipmentsUsed,
            MaxShipments = MaxShipments,
            DocumentHash = DocumentHash,
            Previous = Previous,
            Replacement = Replacement,
            CancelReason = CancelReasonCode == 0 ? null : (CancelReason)CancelReasonCode,
        };
    }

    private static PermitKey? OptionalKey(Bytes32 value)
    {
        var bytes = value;
        return bytes.IsZero ? null : new PermitKey(bytes);
    }
}

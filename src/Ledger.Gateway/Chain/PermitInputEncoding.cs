using Ledger.Core.Authorities;
using Ledger.Core.Registration;

namespace Ledger.Gateway.Chain;

/// <summary>Encodes a validated registration as the contract's <c>PermitInput</c> tuple.</summary>
internal static class PermitInputEncoding
{
    /// <summary>The tuple values in the order of <c>PermitInput</c>'s fields.</summary>
    public static object?[] Encode(PermitRegistration registration, ActorRef actorRef) =>
    [
        registration.Id.Key.Value.ToArray(),
        registration.DocumentHash.Value.ToArray(),
        (byte)registration.Type,
        registration.Validity.FromUnixSeconds,
        registration.Validity.UntilUnixSeconds,
        ChainValues.FromCountry(registration.Destination),
        registration.MaxShipments,
        registration.Previous?.Key.Value.ToArray() ?? new byte[32],
        actorRef.Value.ToArray(),
        ChainValues.FromQuantities(registration.Lines),
    ];
}

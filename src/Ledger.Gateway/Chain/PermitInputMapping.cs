using Ledger.Core.Primitives;
using Ledger.Contracts;
using Ledger.Contracts.Permits;
using Ledger.Core.Authorities;
using Ledger.Core.Registration;

namespace Ledger.Gateway.Chain;

/// <summary>A validated registration in the bindings' terms.</summary>
internal static class PermitInputMapping
{
    /// <summary>The contract's <c>PermitInput</c> for <paramref name="registration"/>, registered by the official <paramref name="actorRef"/>.</summary>
    public static PermitInput ToPermitInput(this PermitRegistration registration, ActorRef actorRef) => new(
        registration.Id.Key.Value,
        registration.DocumentHash.Value,
        (PermitType)registration.Type,
        registration.Validity.FromUnixSeconds,
        registration.Validity.UntilUnixSeconds,
        ChainValues.ToCountryBytes(registration.Destination),
        registration.MaxShipments,
        registration.Previous is { } previous ? previous.Key.Value : Bytes32.Zero,
        actorRef.Value,
        registration.Lines);
}

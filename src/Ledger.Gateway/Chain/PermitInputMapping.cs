using Ledger.Chain.Primitives;
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
        ChainValues.ToHash32(registration.Id.Key.Value),
        ChainValues.ToHash32(registration.DocumentHash.Value),
        (PermitType)registration.Type,
        registration.Validity.FromUnixSeconds,
        registration.Validity.UntilUnixSeconds,
        ChainValues.ToCountryBytes(registration.Destination),
        registration.MaxShipments,
        registration.Previous is { } previous ? ChainValues.ToHash32(previous.Key.Value) : Hash32.Zero,
        ChainValues.ToHash32(actorRef.Value),
        registration.Lines);
}

using Ledger.Api.V1;
using Ledger.Core.Countries;

namespace Ledger.Gateway.Follower;

/// <summary>
/// What one WatchPermits subscriber receives: events about permits its country issued or is the
/// destination of, of the kinds it asked for (all when none). The hub asks it before an event is
/// built, so that nobody pays for entries nobody wants.
/// </summary>
/// <param name="Country">The caller's country.</param>
/// <param name="Kinds">The kinds asked for; empty for all.</param>
internal sealed record WatchFilter(CountryCode Country, IReadOnlySet<PermitEventKind> Kinds)
{
    /// <summary>True when events of <paramref name="kind"/> can concern this subscriber.</summary>
    public bool MayWant(PermitEventKind kind) => Kinds.Count == 0 || Kinds.Contains(kind);

    /// <summary>True when an event of <paramref name="kind"/> about a permit of these countries concerns this subscriber.</summary>
    public bool Wants(PermitEventKind kind, string issuingCountry, string destinationCountry) =>
        MayWant(kind) && (issuingCountry == Country.Value || destinationCountry == Country.Value);

    /// <summary>True when <paramref name="permitEvent"/> concerns this subscriber.</summary>
    public bool Wants(PermitEvent permitEvent)
    {
        ArgumentNullException.ThrowIfNull(permitEvent);
        return Wants(permitEvent.Entry.Kind, permitEvent.IssuingCountry, permitEvent.DestinationCountry);
    }
}

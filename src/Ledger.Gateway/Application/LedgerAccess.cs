using Ledger.Core.Countries;
using Ledger.Core.Errors;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Application;

/// <summary>What every handler uses: chain reads and writes, the keyring, the write pipeline and the clock.</summary>
internal sealed class LedgerAccess(
    LedgerReader reader,
    LedgerWriter writer,
    LedgerEventLog events,
    AuthorityKeyring keys,
    WritePipeline writes,
    TimeProvider time)
{
    /// <summary>Read-only contract calls.</summary>
    public LedgerReader Reader => reader;

    /// <summary>Contract transactions.</summary>
    public LedgerWriter Writer => writer;

    /// <summary>The PermitRegistry's events.</summary>
    public LedgerEventLog Events => events;

    /// <summary>Signing keys by authority.</summary>
    public AuthorityKeyring Keys => keys;

    /// <summary>Idempotency, error mapping, cache invalidation and audit of writes.</summary>
    public WritePipeline Writes => writes;

    /// <summary>The clock.</summary>
    public TimeProvider Time => time;

    /// <summary>First block worth searching for events (see <see cref="LedgerChain.FirstBlock"/>).</summary>
    public ulong FirstBlock => reader.Chain.FirstBlock;

    /// <summary>The country of the caller's authority, checked to be a registered, active authority of this ledger.</summary>
    /// <exception cref="LedgerException">PERMISSION_DENIED when the account is no authority or is suspended.</exception>
    public async Task<CountryCode> CallerCountryAsync(CallerIdentity caller, CancellationToken ct)
    {
        var profile = await reader.ProfileAsync(Ledger.Core.Primitives.Address.Parse(caller.AuthorityAddress), ct).ConfigureAwait(false);
        if (!profile.Exists || ChainValues.ToCountry(profile.Country) is not { } country)
            throw new LedgerException(Messages.UnknownAuthority(caller.AuthorityAddress));
        var status = (Ledger.Core.Authorities.AuthorityStatus)profile.Status;
        if (status != Ledger.Core.Authorities.AuthorityStatus.Active)
            throw new LedgerException(Messages.AuthorityNotActive(caller.AuthorityAddress, status));
        return country;
    }
}

using Ledger.Api.V1;
using Ledger.Core.Registration;
using PermitRegistered = Ledger.Contracts.Permits.PermitRegistered;

namespace Ledger.Gateway.Application;

/// <summary>
/// Recognises a re-registration of a permit that is already anchored with the same document
/// hash (a retry that lost its request ID, or two clerks sending the same permit): it is
/// answered as a replay of the first registration, not as ALREADY_EXISTS.
/// </summary>
internal sealed class RegistrationReplay(LedgerAccess ledger)
{
    /// <summary>The receipt of the original registration when the chain anchors the same document under the key, else null.</summary>
    public async Task<WriteReceipt?> FindSameRegistrationAsync(PermitRegistration registration, CancellationToken ct)
    {
        var snapshot = await ledger.Reader.ReadPermitAsync(registration.Id.Key, ct).ConfigureAwait(false);
        if (!snapshot.Permit.Exists || snapshot.Permit.DocumentHash != registration.DocumentHash)
            return null;
        await foreach (var log in ledger.Events.ReadAsync(registration.Id.Key, ledger.FirstBlock, snapshot.BlockNumber, ct).ConfigureAwait(false))
        {
            if (log is PermitRegistered)
                return await ReplayedReceipt.OfAsync(ledger, log, ct).ConfigureAwait(false);
        }
        return new WriteReceipt { Replayed = true };
    }
}

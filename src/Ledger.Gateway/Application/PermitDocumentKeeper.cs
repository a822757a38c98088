using Ledger.Contracts.Ethereum;
using Ledger.Core.Errors;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Stores.Documents;

namespace Ledger.Gateway.Application;

/// <summary>
/// Keeps the documents of the permits this gateway registers (or holds as drafts) in its
/// document store, before anything is sent: a registration whose document could not be kept
/// is not sent, and a fault after the put loses nothing (a retry stores the same bytes again,
/// idempotently). Without a store (<c>Documents:Provider</c> None) registrations anchor hashes only.
/// </summary>
internal sealed class PermitDocumentKeeper(LedgerReader chain, IDocumentStore? store = null)
{
    /// <summary>True when this gateway keeps documents.</summary>
    public bool KeepsDocuments => store is not null;

    /// <summary>
    /// Stores each permit's document for registration (promoting a draft of the same bytes).
    /// Refuses, before storing any, a permit whose document was already sent for registration
    /// with other bytes, and a permit the ledger already anchors with another hash (registered
    /// through another gateway, or before this one kept documents): keeping those bytes would
    /// keep a document that is not the permit's.
    /// </summary>
    /// <exception cref="LedgerException">ALREADY_EXISTS on such a conflict; UNAVAILABLE when the store cannot be reached.</exception>
    public Task KeepForRegistrationAsync(IReadOnlyList<CheckedPermit> permits, CancellationToken ct) =>
        KeepAsync(permits, readAnchors: true, ct);

    /// <summary>
    /// A sender that keeps the permits' documents as <see cref="KeepForRegistrationAsync"/> does,
    /// once the node's gas estimate found that the registration would succeed and before its
    /// nonce is reserved. That estimate is the check that none of the permits is anchored yet, so
    /// the ledger is not read again (a racing registration elsewhere could slip in between either
    /// way; its transaction then reverts); a registration that would revert keeps nothing.
    /// </summary>
    public ITransactionSender KeepingBeforeBroadcast(ITransactionSender sender, IReadOnlyList<CheckedPermit> permits) =>
        store is null ? sender : new BeforeBroadcastSender(sender, ct => KeepAsync(permits, readAnchors: false, ct));

    private async Task KeepAsync(IReadOnlyList<CheckedPermit> permits, bool readAnchors, CancellationToken ct)
    {
        if (store is null)
            return;
        await Translated(permits, async () =>
        {
            // A put refuses other bytes for a document sent for registration by itself; reading
            // first refuses a batch before any of it is stored, and finds what the anchor check needs.
            if (readAnchors || permits.Count > 1)
                await RefuseConflictsAsync(store, permits, readAnchors, ct).ConfigureAwait(false);
            await PutInWavesAsync(store, permits, ct).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Most puts of one batch in flight at once (a wave).</summary>
    internal const int MaxPutsAtOnce = 32;

    /// <summary>
    /// Puts the documents in waves of up to <see cref="MaxPutsAtOnce"/>, each wave together so
    /// that its puts share the store's group commits: a batch of 100 takes four or five commits,
    /// where a few puts at a time (a small degree of parallelism) take about one commit per put
    /// (measured on SQLite: 4-5 commits, against 1-3 for all at once and 72-100 for four at a time).
    /// A failed put fails the batch with the first failure in the batch's order, once its wave
    /// has finished; later waves are not started. The documents stored before stay stored
    /// (nothing is sent, and a retry stores the same bytes again, idempotently).
    /// </summary>
    private static async Task PutInWavesAsync(IDocumentStore store, IReadOnlyList<CheckedPermit> permits, CancellationToken ct)
    {
        foreach (var wave in permits.Chunk(MaxPutsAtOnce))
        {
            var puts = wave.Select(PutAsync).ToArray();
            await Task.WhenAll(puts).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // The failure reported is the first in the batch's order, not whichever put failed first.
            foreach (var put in puts)
                await put.ConfigureAwait(false);
        }

        // A put that refuses at once (a document too large) fails its own task, not the wave's start,
        // so the puts already started in the wave are awaited rather than left running unobserved.
        async Task PutAsync(CheckedPermit permit) => await store.PutAsync(ToStore(permit, asDraft: false), ct).ConfigureAwait(false);
    }

    private async Task RefuseConflictsAsync(IDocumentStore store, IReadOnlyList<CheckedPermit> permits, bool readAnchors, CancellationToken ct)
    {
        var keys = permits.Select(p => p.Registration.Id.Key).ToArray();
        var stored = await store.ListByPermitsAsync(keys, ct).ConfigureAwait(false);
        foreach (var permit in permits)
        {
            var existing = stored.FirstOrDefault(m => m.PermitKey == permit.Registration.Id.Key);
            if (existing is { IsDraft: false } && existing.DocumentHash != permit.Registration.DocumentHash)
                throw new DocumentConflictException(existing.PermitKey, existing.DocumentHash, permit.Registration.DocumentHash);
            if (readAnchors && existing?.DocumentHash != permit.Registration.DocumentHash)
                await RefuseIfAnchoredOtherwiseAsync(permit, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Stores a permit's document as a draft; what the store holds for it afterwards.</summary>
    /// <exception cref="LedgerException">
    /// FAILED_PRECONDITION when this gateway keeps no documents; ALREADY_EXISTS when the permit's
    /// document was sent for registration with other bytes; UNAVAILABLE when the store cannot be reached.
    /// </exception>
    public Task<DocumentPutResult> HoldDraftAsync(CheckedPermit permit, CancellationToken ct)
    {
        if (store is null)
            throw new LedgerException(LedgerError.FailedPrecondition(
                "this gateway keeps no documents (Documents:Provider is None), so it cannot hold drafts; ask its operator to configure the document store"));
        return Translated([permit], () => store.PutAsync(ToStore(permit, asDraft: true), ct));
    }

    private async Task RefuseIfAnchoredOtherwiseAsync(CheckedPermit permit, CancellationToken ct)
    {
        var anchored = (await chain.ReadPermitAsync(permit.Registration.Id.Key, ct).ConfigureAwait(false)).Permit;
        if (anchored.Exists && anchored.DocumentHash != permit.Registration.DocumentHash)
            throw new LedgerException(LedgerError.AlreadyExists(
                $"permit {permit.Registration.Id.Normalised} is already registered on the ledger with a document of SHA-256 {anchored.DocumentHash}; "
                + $"the document given hashes to {permit.Registration.DocumentHash}. Nothing was kept or sent. "
                + "A registered permit's document never changes: register a replacement permit (ReplacePermit) for a corrected document."));
    }

    private static DocumentToStore ToStore(CheckedPermit permit, bool asDraft) => new(
        permit.Registration.Id, permit.MediaType, permit.Document, permit.Registration.Validity.Until, asDraft);

    private static async Task<T> Translated<T>(IReadOnlyList<CheckedPermit> permits, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (DocumentConflictException e)
        {
            var permitId = permits.FirstOrDefault(p => p.Registration.Id.Key == e.PermitKey)?.Registration.Id.Normalised ?? e.PermitKey.ToString();
            throw new LedgerException(LedgerError.AlreadyExists(
                $"permit {permitId} already has a document with SHA-256 {e.StoredHash} at this gateway, sent for registration; "
                + $"the document given hashes to {e.OfferedHash}. Nothing was sent. A registered permit's document never changes: "
                + "register a replacement permit (ReplacePermit) for a corrected document."));
        }
        catch (DocumentTooLargeException e)
        {
            throw new LedgerException(LedgerError.InvalidArgument("document", e.Message));
        }
        catch (StoreUnavailableException)
        {
            throw new LedgerException(LedgerError.Unavailable(
                "the gateway's document store cannot be reached, so the document was not kept and nothing was sent; retry later with the same request ID"));
        }
    }
}

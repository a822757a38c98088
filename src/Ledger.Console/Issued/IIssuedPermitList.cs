namespace Ledger.Console.Issued;

/// <summary>
/// The seam for "my permits": the permits this gateway's issuer registered, newest first. The
/// chain keeps only permit keys (hashes), so the numbers come from the issuer's own document
/// store; the gateway implements it over that store, and a host that registers none gets
/// <see cref="IssuedPermitsNotKept"/>. Statuses are not here: they are the chain's
/// (<see cref="IssuedPermitStatuses"/>).
/// </summary>
public interface IIssuedPermitList
{
    /// <summary>One page of the issuer's permits.</summary>
    /// <exception cref="Ledger.Core.Errors.LedgerException">INVALID_ARGUMENT for a bad prefix or page token; UNAVAILABLE when the store cannot be reached.</exception>
    Task<IssuedPermitPage> ListAsync(IssuedPermitQuery query, CancellationToken ct);
}

/// <summary>What to list.</summary>
/// <param name="PermitIdPrefix">Only numbers starting with this (as an officer types it); empty for all.</param>
/// <param name="PageToken">The previous page's <see cref="IssuedPermitPage.NextPageToken"/>; empty for the first.</param>
/// <param name="PageSize">Permits per page.</param>
public sealed record IssuedPermitQuery(string PermitIdPrefix, string PageToken, int PageSize);

/// <summary>A page of the issuer's permits.</summary>
/// <param name="Kept">False when this gateway keeps no documents, hence no list; <paramref name="Explanation"/> says so.</param>
/// <param name="Permits">The permits, newest first.</param>
/// <param name="NextPageToken">The next page's token; empty on the last page.</param>
/// <param name="Explanation">Why there is no list, or empty.</param>
public sealed record IssuedPermitPage(bool Kept, IReadOnlyList<IssuedPermit> Permits, string NextPageToken, string Explanation);

/// <summary>A permit whose document this gateway keeps.</summary>
/// <param name="PermitId">Its number; null when it was stored before the gateway kept numbers.</param>
/// <param name="PermitKey">Its on-chain key, 0x and 64 hex digits.</param>
/// <param name="IsDraft">Held as a draft: never sent for registration.</param>
/// <param name="StoredAt">When the document was first kept.</param>
public sealed record IssuedPermit(string? PermitId, string PermitKey, bool IsDraft, DateTimeOffset StoredAt);

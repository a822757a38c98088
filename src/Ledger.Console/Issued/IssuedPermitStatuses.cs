using Ledger.Api.V1;
using Ledger.Console.Backend;
using Ledger.Core.Errors;

namespace Ledger.Console.Issued;

/// <summary>
/// What the chain says about each permit of a page: one verification per permit, all at once. A
/// permit whose verification fails (node unreachable) gets "status unavailable" and the others
/// still show: one slow or failed read never turns the whole list into an error page.
/// </summary>
public static class IssuedPermitStatuses
{
    /// <summary>What the row shows when the chain could not be read.</summary>
    public const string Unavailable = "status unavailable";

    /// <summary>Verifies every registered permit of <paramref name="permits"/> concurrently, in their order.</summary>
    public static async Task<IReadOnlyList<IssuedPermitRow>> ReadAsync(ILedgerConsoleBackend backend, IReadOnlyList<IssuedPermit> permits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(permits);
        return await Task.WhenAll(permits.Select(permit => ReadOneAsync(backend, permit, ct))).ConfigureAwait(false);
    }

    private static async Task<IssuedPermitRow> ReadOneAsync(ILedgerConsoleBackend backend, IssuedPermit permit, CancellationToken ct)
    {
        // A draft was never sent, and a row without its number cannot be asked about: neither is the chain's to answer.
        if (permit.IsDraft || permit.PermitId is null)
            return new IssuedPermitRow(permit, null, null);
        try
        {
            var ledger = await backend.VerifyAsync(new VerifyPermitRequest { PermitId = permit.PermitId }, ct).ConfigureAwait(false);
            return new IssuedPermitRow(permit, ledger, null);
        }
        catch (LedgerException e)
        {
            return new IssuedPermitRow(permit, null, $"{Unavailable}: {e.Error.Message}");
        }
    }
}

/// <summary>One row of "my permits".</summary>
/// <param name="Permit">What the store keeps.</param>
/// <param name="Ledger">What the chain says, or null (a draft, no number, or <paramref name="Problem"/>).</param>
/// <param name="Problem">Why the chain's answer is missing, or null.</param>
public sealed record IssuedPermitRow(IssuedPermit Permit, VerifyPermitResponse? Ledger, string? Problem);

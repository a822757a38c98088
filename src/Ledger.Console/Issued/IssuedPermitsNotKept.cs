namespace Ledger.Console.Issued;

/// <summary>
/// The console's stand-in on a host that keeps no permit documents: no list, and the page says
/// why, instead of an empty list that would read as "you issued nothing".
/// </summary>
public sealed class IssuedPermitsNotKept : IIssuedPermitList
{
    /// <summary>What the officer reads instead of the list.</summary>
    public const string Message = "This gateway keeps no permit documents, so it cannot list the permits registered here "
        + "(the ledger keeps only a hash of each number). Ask its operator to configure the document store; meanwhile, "
        + "verify a permit by its number.";

    /// <inheritdoc />
    public Task<IssuedPermitPage> ListAsync(IssuedPermitQuery query, CancellationToken ct) =>
        Task.FromResult(new IssuedPermitPage(false, [], "", Message));
}

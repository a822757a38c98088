using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Core.Primitives;
using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Core.Errors;
using Ledger.Gateway.Chain;

namespace Ledger.Gateway.Application;

/// <summary>Reads authorities and proposals from the AuthorityRegistry in the API's terms.</summary>
internal sealed class AuthorityDirectory(LedgerChain chain, TimeProvider time)
{
    /// <summary>The address, or INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static Address ParseAddress(string? text, string field) =>
        Address.TryParse(text?.Trim(), out var address, out var error)
            ? address
            : throw new LedgerException(LedgerError.InvalidArgument(field, error ?? "is not an account address (0x + 40 hex digits)"));

    /// <summary>Every authority account, in the order they were added.</summary>
    public Task<IReadOnlyList<Address>> AccountsAsync(CancellationToken ct) => chain.AuthorityRegistry.AuthoritiesAsync(cancellationToken: ct);

    /// <summary>The authority, or null when the account is none.</summary>
    public async Task<Authority?> FindAsync(Address account, CancellationToken ct)
    {
        var record = await chain.AuthorityRegistry.AuthorityOfAsync(account, cancellationToken: ct).ConfigureAwait(false);
        if (!record.IsKnown)
            return null;
        return new Authority
        {
            Address = account.ToChecksumHex(),
            Country = ChainValues.ToCountry(record.Country)?.Value ?? "",
            Kind = ChainEnumMapping.AuthorityKindFromChain((byte)record.Kind),
            Status = ChainEnumMapping.AuthorityStatusFromChain((byte)record.Status),
            Code = AuthorityCodeText.Decode(record.Code),
        };
    }

    /// <summary>The authority, or NOT_FOUND.</summary>
    public async Task<Authority> GetAsync(Address account, CancellationToken ct) =>
        await FindAsync(account, ct).ConfigureAwait(false)
            ?? throw new LedgerException(LedgerError.NotFound($"{account.ToChecksumHex()} is not an authority of this ledger"));

    /// <summary>Number of proposals ever made (ids 1..count).</summary>
    public Task<ulong> ProposalCountAsync(CancellationToken ct) => chain.AuthorityRegistry.ProposalCountAsync(cancellationToken: ct);

    /// <summary>The proposal, or NOT_FOUND.</summary>
    public async Task<Proposal> GetProposalAsync(ulong id, CancellationToken ct)
    {
        var record = await chain.AuthorityRegistry.ProposalAsync(id, cancellationToken: ct).ConfigureAwait(false);
        if (!record.IsKnown)
            throw new LedgerException(LedgerError.NotFound($"proposal {id} does not exist; list the proposals to find its number"));
        var action = record.Action;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(checked((long)record.ExpiresAt));
        var target = record.Target;
        var subject = await FindAsync(target, ct).ConfigureAwait(false);
        var proposer = await GetAsync(record.Proposer, ct).ConfigureAwait(false);
        return new Proposal
        {
            ProposalId = id,
            Kind = action switch
            {
                ProposalAction.AdmitIssuer => ProposalKind.AdmitIssuer,
                ProposalAction.Suspend => ProposalKind.SuspendIssuer,
                ProposalAction.Reinstate => ProposalKind.ReinstateIssuer,
                _ => ProposalKind.Unspecified,
            },
            Subject = new AuthorityRef
            {
                Address = target.ToChecksumHex(),
                Country = subject?.Country ?? ChainValues.ToCountry(record.Country)?.Value ?? "",
                Kind = subject?.Kind ?? (action == ProposalAction.AdmitIssuer ? Ledger.Api.V1.AuthorityKind.Issuer : Ledger.Api.V1.AuthorityKind.Unspecified),
            },
            SubjectCode = subject?.Code ?? AuthorityCodeText.Decode(record.Code),
            Proposer = new AuthorityRef { Address = proposer.Address, Country = proposer.Country, Kind = proposer.Kind },
            Votes = record.Votes,
            VotesNeeded = record.RequiredVotes,
            ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt),
            State = record.Executed ? ProposalState.Executed : expiresAt <= time.GetUtcNow() ? ProposalState.Expired : ProposalState.Open,
            SubjectNode = record.Node.IsZero ? "" : record.Node.ToChecksumHex(),
        };
    }

    /// <summary>The id in a ProposalCreated event of <paramref name="result"/>.</summary>
    public static ulong CreatedProposalId(ChainWriteResult result) => result.Events.OfType<ProposalCreated>().Single().Id;
}

using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Chain.Primitives;
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
    public async Task<IReadOnlyList<Address>> AccountsAsync(CancellationToken ct)
    {
        var output = await chain.CallAuthorityRegistryAsync("authorities", null, ct).ConfigureAwait(false);
        return ((IReadOnlyList<object?>)output[0]!).Cast<Address>().ToList();
    }

    /// <summary>The authority, or null when the account is none.</summary>
    public async Task<Authority?> FindAsync(Address account, CancellationToken ct)
    {
        var record = ChainValues.Tuple(await chain.CallAuthorityRegistryAsync("authorityOf", null, ct, account).ConfigureAwait(false));
        var kind = (byte)ChainValues.ToUInt64(record["kind"]);
        if (kind == 0)
            return null;
        return new Authority
        {
            Address = account.ToChecksumHex(),
            Country = ChainValues.ToCountry(record["country"])?.Value ?? "",
            Kind = ChainEnumMapping.AuthorityKindFromChain(kind),
            Status = ChainEnumMapping.AuthorityStatusFromChain((byte)ChainValues.ToUInt64(record["status"])),
            Code = AuthorityCodeText.Decode((byte[])record["code"]!),
        };
    }

    /// <summary>The authority, or NOT_FOUND.</summary>
    public async Task<Authority> GetAsync(Address account, CancellationToken ct) =>
        await FindAsync(account, ct).ConfigureAwait(false)
            ?? throw new LedgerException(LedgerError.NotFound($"{account.ToChecksumHex()} is not an authority of this ledger"));

    /// <summary>Number of proposals ever made (ids 1..count).</summary>
    public async Task<ulong> ProposalCountAsync(CancellationToken ct) =>
        ChainValues.ToUInt64((await chain.CallAuthorityRegistryAsync("proposalCount", null, ct).ConfigureAwait(false))[0]);

    /// <summary>The proposal, or NOT_FOUND.</summary>
    public async Task<Proposal> GetProposalAsync(ulong id, CancellationToken ct)
    {
        var record = ChainValues.Tuple(await chain.CallAuthorityRegistryAsync("proposal", null, ct, id).ConfigureAwait(false));
        var action = ChainValues.ToUInt64(record["action"]);
        if (action == 0)
            throw new LedgerException(LedgerError.NotFound($"proposal {id} does not exist; list the proposals to find its number"));
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((long)ChainValues.ToUInt64(record["expiresAt"]));
        var executed = (bool)record["executed"]!;
        var target = (Address)record["target"]!;
        var subject = await FindAsync(target, ct).ConfigureAwait(false);
        var proposer = await GetAsync((Address)record["proposer"]!, ct).ConfigureAwait(false);
        return new Proposal
        {
            ProposalId = id,
            Kind = action switch
            {
                1 => ProposalKind.AdmitIssuer,
                3 => ProposalKind.SuspendIssuer,
                4 => ProposalKind.ReinstateIssuer,
                _ => ProposalKind.Unspecified,
            },
            Subject = new AuthorityRef
            {
                Address = target.ToChecksumHex(),
                Country = subject?.Country ?? ChainValues.ToCountry(record["country"])?.Value ?? "",
                Kind = subject?.Kind ?? (action == 1 ? Ledger.Api.V1.AuthorityKind.Issuer : Ledger.Api.V1.AuthorityKind.Unspecified),
            },
            SubjectCode = subject?.Code ?? AuthorityCodeText.Decode((byte[])record["code"]!),
            Proposer = new AuthorityRef { Address = proposer.Address, Country = proposer.Country, Kind = proposer.Kind },
            Votes = (uint)ChainValues.ToUInt64(record["votes"]),
            VotesNeeded = (uint)ChainValues.ToUInt64(record["requiredVotes"]),
            ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt),
            State = executed ? ProposalState.Executed : expiresAt <= time.GetUtcNow() ? ProposalState.Expired : ProposalState.Open,
        };
    }

    /// <summary>The id in a ProposalCreated event of <paramref name="result"/>.</summary>
    public static ulong CreatedProposalId(ChainWriteResult result) =>
        ChainValues.ToUInt64(result.EventsNamed("ProposalCreated").Single().Event.Values["id"]);
}

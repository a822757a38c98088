using Ledger.Core.Primitives;
using Ledger.Contracts.Binding;
using Ledger.Contracts.Errors;
using AuthorityProfile = Ledger.Contracts.Authorities.AuthorityProfile;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Generated.AuthorityRegistry.ContractDefinition;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Authorities;

/// <summary>
/// Typed binding of a deployed AuthorityRegistry: one method per contract function. Reads use
/// eth_call (optionally at a given block); writes go through the <see cref="ITransactionSender"/>,
/// whose account is msg.sender, and return once mined. A refusal by the contract throws
/// <see cref="ContractErrorException"/> with the typed error (e.g. <see cref="WrongAuthorityKind"/>).
/// Safe for concurrent use as far as the RPC client and sender are.
/// </summary>
public sealed class AuthorityRegistryContract
{
    private readonly ContractChannel _channel;

    /// <summary>Binds the registry at <paramref name="address"/>.</summary>
    /// <param name="address">The deployed contract.</param>
    /// <param name="client">The node (or <see cref="NodePool"/>) to read from.</param>
    /// <param name="sender">Sends the writes; null for a read-only binding (writes then throw <see cref="InvalidOperationException"/>).</param>
    public AuthorityRegistryContract(Address address, IClient client, ITransactionSender? sender = null)
    {
        _channel = new ContractChannel(LedgerArtifacts.AuthorityRegistry, address, client, sender);
    }

    /// <summary>The contract's address.</summary>
    public Address Address => _channel.Address;

    // ------------------------------------------------------------------ agencies

    /// <summary><c>designate(account, kind, code)</c>: adds an agency of the sender's country. Sender: an active Issuer.</summary>
    /// <param name="account">The agency's account; not an authority yet.</param>
    /// <param name="kind">Customs, ScientificAuthority or SingleWindow.</param>
    /// <param name="code">Non-zero display-name hash or short code.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    public Task<TransactionOutcome> DesignateAsync(Address account, AuthorityKind kind, Bytes32 code, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(AuthorityRegistryCalls.Designate(account, kind, code), cancellationToken);

    /// <summary><c>suspendAgency(account)</c>: suspends an active agency of the sender's country. Sender: an active Issuer of that country.</summary>
    public Task<TransactionOutcome> SuspendAgencyAsync(Address account, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(AuthorityRegistryCalls.SuspendAgency(account), cancellationToken);

    /// <summary><c>reinstateAgency(account)</c>: reinstates a suspended agency of the sender's country. Sender: an active Issuer of that country.</summary>
    public Task<TransactionOutcome> ReinstateAgencyAsync(Address account, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(AuthorityRegistryCalls.ReinstateAgency(account), cancellationToken);

    // ------------------------------------------------------------------ governance

    /// <summary>
    /// <c>proposeIssuer(account, country, code, node)</c>: proposes admitting an issuer whose validator
    /// node joins getValidators() once admitted; the sender's vote counts at once. Sender: an active Issuer.
    /// </summary>
    /// <returns>The outcome and the new proposal's id.</returns>
    public Task<TransactionResult<ulong>> ProposeIssuerAsync(Address account, CountryBytes country, Bytes32 code, Address node, CancellationToken cancellationToken = default) =>
        ProposeAsync(AuthorityRegistryCalls.ProposeIssuer(account, country, code, node), cancellationToken);

    /// <summary><c>proposeSecretariat(account, country, code)</c>: proposes admitting a secretariat. Sender: an active Issuer.</summary>
    /// <returns>The outcome and the new proposal's id.</returns>
    public Task<TransactionResult<ulong>> ProposeSecretariatAsync(Address account, CountryBytes country, Bytes32 code, CancellationToken cancellationToken = default) =>
        ProposeAsync(AuthorityRegistryCalls.ProposeSecretariat(account, country, code), cancellationToken);

    /// <summary><c>proposeSuspension(account)</c>: proposes suspending an active issuer or secretariat. Sender: an active Issuer.</summary>
    /// <returns>The outcome and the new proposal's id.</returns>
    public Task<TransactionResult<ulong>> ProposeSuspensionAsync(Address account, CancellationToken cancellationToken = default) =>
        ProposeAsync(AuthorityRegistryCalls.ProposeSuspension(account), cancellationToken);

    /// <summary><c>proposeReinstatement(account)</c>: proposes reinstating a suspended issuer or secretariat. Sender: an active Issuer.</summary>
    /// <returns>The outcome and the new proposal's id.</returns>
    public Task<TransactionResult<ulong>> ProposeReinstatementAsync(Address account, CancellationToken cancellationToken = default) =>
        ProposeAsync(AuthorityRegistryCalls.ProposeReinstatement(account), cancellationToken);

    /// <summary><c>vote(id)</c>: votes for a proposal, executing it when this vote reaches the majority. Sender: an eligible active Issuer.</summary>
    /// <returns>The outcome and whether this vote executed the proposal.</returns>
    public async Task<TransactionResult<bool>> VoteAsync(ulong id, CancellationToken cancellationToken = default)
    {
        var outcome = await _channel.SendAsync(AuthorityRegistryCalls.Vote(id), cancellationToken).ConfigureAwait(false);
        var executed = DecodeEvents(outcome.Receipt).OfType<ProposalExecuted>().Any(e => e.Id == id);
        return new TransactionResult<bool>(outcome, executed);
    }

    /// <summary><c>closeExpired(id)</c>: takes an expired, unexecuted proposal off the pending list. Sender: an active Issuer.</summary>
    public Task<TransactionOutcome> CloseExpiredAsync(ulong id, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(AuthorityRegistryCalls.CloseExpired(id), cancellationToken);

    // ------------------------------------------------------------------ views

    /// <summary><c>PROPOSAL_LIFETIME()</c>: how long a proposal accepts votes.</summary>
    public async Task<TimeSpan> ProposalLifetimeAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        TimeSpan.FromSeconds((await ReadAsync<ProposalLifetimeOutputDTO>(AuthorityRegistryCalls.ProposalLifetime(), block, cancellationToken).ConfigureAwait(false)).ReturnValue1);

    /// <summary><c>BFT_MIN_VALIDATORS()</c>: below this many validators QBFT tolerates no faulty one (the contract then emits FaultToleranceLost).</summary>
    public Task<ulong> BftMinValidatorsAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        ReadCountAsync<BftMinValidatorsOutputDTO>(AuthorityRegistryCalls.BftMinValidators(), o => o.ReturnValue1, block, cancellationToken);

    /// <summary><c>MAX_GATEWAY_URL_LENGTH()</c>: the longest gateway URL, in UTF-8 bytes, that <c>publishGateway</c> accepts.</summary>
    public Task<ulong> MaxGatewayUrlLengthAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        ReadCountAsync<MaxGatewayUrlLengthOutputDTO>(AuthorityRegistryCalls.MaxGatewayUrlLength(), o => o.ReturnValue1, block, cancellationToken);

    /// <summary><c>authorityOf(account)</c>: the full record; <see cref="AuthorityRecord.IsKnown"/> is false for an unknown account.</summary>
    public async Task<AuthorityRecord> AuthorityOfAsync(Address account, BlockParameter? block = null, CancellationToken cancellationToken = default)
    {
        var v = (await ReadAsync<AuthorityOfOutputDTO>(AuthorityRegistryCalls.AuthorityOf(account), block, cancellationToken).ConfigureAwait(false)).ReturnValue1;
        return new AuthorityRecord(AbiValues.ToCountry(v.Country), AbiValues.ToEnum<AuthorityKind>(v.Kind), AbiValues.ToEnum<AuthorityStatus>(v.Status),
            v.AdmissionSeq, AbiValues.ToBytes32(v.Code));
    }

    /// <summary><c>profileOf(account)</c>: country, kind and status (all zero when unknown).</summary>
    public async Task<AuthorityProfile> ProfileOfAsync(Address account, BlockParameter? block = null, CancellationToken cancellationToken = default)
    {
        var v = await ReadAsync<ProfileOfOutputDTO>(AuthorityRegistryCalls.ProfileOf(account), block, cancellationToken).ConfigureAwait(false);
        return new AuthorityProfile(AbiValues.ToCountry(v.Country), AbiValues.ToEnum<AuthorityKind>(v.Kind), AbiValues.ToEnum<AuthorityStatus>(v.Status));
    }

    /// <summary><c>profilesOf(actor, issuer)</c>: the actor's country, kind and status and the issuer's country and status.</summary>
    public async Task<ActorIssuerProfiles> ProfilesOfAsync(Address actor, Address issuer, BlockParameter? block = null, CancellationToken cancellationToken = default)
    {
        var v = await ReadAsync<ProfilesOfOutputDTO>(AuthorityRegistryCalls.ProfilesOf(actor, issuer), block, cancellationToken).ConfigureAwait(false);
        return new ActorIssuerProfiles(AbiValues.ToCountry(v.ActorCountry), AbiValues.ToEnum<AuthorityKind>(v.ActorKind), AbiValues.ToEnum<AuthorityStatus>(v.ActorStatus),
            AbiValues.ToCountry(v.IssuerCountry), AbiValues.ToEnum<AuthorityStatus>(v.IssuerStatus));
    }

    /// <summary><c>isActive(account, kind, country)</c>: whether the account is an active authority of exactly that kind and country.</summary>
    public async Task<bool> IsActiveAsync(Address account, AuthorityKind kind, CountryBytes country, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        (await ReadAsync<IsActiveOutputDTO>(AuthorityRegistryCalls.IsActive(account, kind, country), block, cancellationToken).ConfigureAwait(false)).ReturnValue1;

    /// <summary><c>activeIssuerCount()</c>: the number of active issuers (the voting population).</summary>
    public Task<ulong> ActiveIssuerCountAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        ReadCountAsync<ActiveIssuerCountOutputDTO>(AuthorityRegistryCalls.ActiveIssuerCount(), o => o.ReturnValue1, block, cancellationToken);

    /// <summary><c>authorityCount()</c>: the number of authorities ever added.</summary>
    public Task<ulong> AuthorityCountAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        ReadCountAsync<AuthorityCountOutputDTO>(AuthorityRegistryCalls.AuthorityCount(), o => o.ReturnValue1, block, cancellationToken);

    /// <summary><c>authorities()</c>: every authority account in the order added.</summary>
    public async Task<IReadOnlyList<Address>> AuthoritiesAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        AbiValues.ToAddresses((await ReadAsync<AuthoritiesOutputDTO>(AuthorityRegistryCalls.Authorities(), block, cancellationToken).ConfigureAwait(false)).ReturnValue1);

    /// <summary><c>authoritiesPage(offset, limit)</c>: up to <paramref name="limit"/> accounts from <paramref name="offset"/> (empty past the end).</summary>
    public async Task<IReadOnlyList<Address>> AuthoritiesPageAsync(ulong offset, ulong limit, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        AbiValues.ToAddresses((await ReadAsync<AuthoritiesPageOutputDTO>(AuthorityRegistryCalls.AuthoritiesPage(offset, limit), block, cancellationToken).ConfigureAwait(false)).Page);

    /// <summary><c>pendingProposalIds()</c>: ids of proposals neither executed nor closed (expired ones included until closed).</summary>
    public async Task<IReadOnlyList<ulong>> PendingProposalIdsAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        AbiValues.ToUInt64s((await ReadAsync<PendingProposalIdsOutputDTO>(AuthorityRegistryCalls.PendingProposalIds(), block, cancellationToken).ConfigureAwait(false)).ReturnValue1);

    /// <summary><c>proposal(id)</c>: the proposal; <see cref="ProposalRecord.IsKnown"/> is false for an unknown id.</summary>
    public async Task<ProposalRecord> ProposalAsync(ulong id, BlockParameter? block = null, CancellationToken cancellationToken = default)
    {
        var v = (await ReadAsync<ProposalOutputDTO>(AuthorityRegistryCalls.Proposal(id), block, cancellationToken).ConfigureAwait(false)).ReturnValue1;
        return new ProposalRecord(AbiValues.ToEnum<ProposalAction>(v.Action), AbiValues.ToAddress(v.Target), AbiValues.ToCountry(v.Country),
            v.ExpiresAt, v.Votes, v.RequiredVotes, v.AdmissionSeqLimit, v.Executed, AbiValues.ToAddress(v.Proposer), AbiValues.ToBytes32(v.Code),
            AbiValues.ToAddress(v.Node));
    }

    /// <summary><c>proposalCount()</c>: proposals ever made; ids run from 1 to this.</summary>
    public Task<ulong> ProposalCountAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        ReadCountAsync<ProposalCountOutputDTO>(AuthorityRegistryCalls.ProposalCount(), o => o.ReturnValue1, block, cancellationToken);

    /// <summary><c>hasVoted(id, voter)</c>: whether the issuer voted for the proposal.</summary>
    public async Task<bool> HasVotedAsync(ulong id, Address voter, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        (await ReadAsync<HasVotedOutputDTO>(AuthorityRegistryCalls.HasVoted(id, voter), block, cancellationToken).ConfigureAwait(false)).ReturnValue1;

    // ------------------------------------------------------------------ validators and gateways

    /// <summary><c>rotateNode(newNode)</c>: replaces the sender's validator node (a compromised node key is replaced without a vote). Sender: an active Issuer.</summary>
    public Task<TransactionOutcome> RotateNodeAsync(Address newNode, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(AuthorityRegistryCalls.RotateNode(newNode), cancellationToken);

    /// <summary>
    /// <c>publishGateway(account, url, fingerprint)</c>: publishes where the gateway of
    /// <paramref name="account"/> answers and the SHA-256 of its TLS certificate. Sender: an active
    /// Issuer, for itself or an agency of its country.
    /// </summary>
    public Task<TransactionOutcome> PublishGatewayAsync(Address account, string url, Bytes32 fingerprint, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(AuthorityRegistryCalls.PublishGateway(account, url, fingerprint), cancellationToken);

    /// <summary><c>getValidators()</c>: the validator nodes of the active issuers, as Besu QBFT reads them every block.</summary>
    public async Task<IReadOnlyList<Address>> GetValidatorsAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        AbiValues.ToAddresses((await ReadAsync<GetValidatorsOutputDTO>(AuthorityRegistryCalls.GetValidators(), block, cancellationToken).ConfigureAwait(false)).ReturnValue1);

    /// <summary><c>validatorCount()</c>: how many validators there are.</summary>
    public Task<ulong> ValidatorCountAsync(BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        ReadCountAsync<ValidatorCountOutputDTO>(AuthorityRegistryCalls.ValidatorCount(), o => o.ReturnValue1, block, cancellationToken);

    /// <summary><c>nodeOf(account)</c>: an issuer's current validator node (zero for others).</summary>
    public async Task<Address> NodeOfAsync(Address account, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        AbiValues.ToAddress((await ReadAsync<NodeOfOutputDTO>(AuthorityRegistryCalls.NodeOf(account), block, cancellationToken).ConfigureAwait(false)).ReturnValue1);

    /// <summary><c>accountOfNode(node)</c>: the issuer whose current node this is (zero otherwise).</summary>
    public async Task<Address> AccountOfNodeAsync(Address node, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        AbiValues.ToAddress((await ReadAsync<AccountOfNodeOutputDTO>(AuthorityRegistryCalls.AccountOfNode(node), block, cancellationToken).ConfigureAwait(false)).ReturnValue1);

    /// <summary><c>isValidator(node)</c>: whether the node validates now.</summary>
    public async Task<bool> IsValidatorAsync(Address node, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        (await ReadAsync<IsValidatorOutputDTO>(AuthorityRegistryCalls.IsValidator(node), block, cancellationToken).ConfigureAwait(false)).ReturnValue1;

    /// <summary><c>gatewayOf(account)</c>: the published gateway URL and TLS fingerprint (empty and zero when none).</summary>
    public async Task<(string Url, Bytes32 Fingerprint)> GatewayOfAsync(Address account, BlockParameter? block = null, CancellationToken cancellationToken = default)
    {
        var v = await ReadAsync<GatewayOfOutputDTO>(AuthorityRegistryCalls.GatewayOf(account), block, cancellationToken).ConfigureAwait(false);
        return (v.Url, AbiValues.ToBytes32(v.Fingerprint));
    }

    // ------------------------------------------------------------------ events

    /// <summary>The events this contract emitted in a transaction, in log order.</summary>
    public IReadOnlyList<ContractEvent> DecodeEvents(TransactionReceipt receipt) =>
        _channel.OwnLogs(receipt).Select(AuthorityRegistryEvents.TryDecode).OfType<ContractEvent>().ToArray();

    /// <summary>
    /// Every event of this contract in blocks <paramref name="fromBlock"/> to <paramref name="toBlock"/>
    /// (both included), in chain order, read with eth_getLogs at most <paramref name="maxBlocksPerPage"/>
    /// blocks at a time (halved when the node refuses a page as too large).
    /// </summary>
    public IAsyncEnumerable<ContractEvent> ReadEventsAsync(ulong fromBlock, ulong toBlock, int maxBlocksPerPage = ContractChannel.DefaultBlocksPerPage,
        CancellationToken cancellationToken = default) =>
        _channel.ReadEventsAsync(AuthorityRegistryEvents.AllEvents, AuthorityRegistryEvents.TryDecode, fromBlock, toBlock, maxBlocksPerPage, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"AuthorityRegistry at {Address}";

    private Task<TOutput> ReadAsync<TOutput>(ContractCall call, BlockParameter? block, CancellationToken cancellationToken)
        where TOutput : IFunctionOutputDTO, new() =>
        _channel.CallAsync<TOutput>(call, block, cancellationToken);

    private async Task<ulong> ReadCountAsync<TOutput>(ContractCall call, Func<TOutput, System.Numerics.BigInteger> count, BlockParameter? block,
        CancellationToken cancellationToken)
        where TOutput : IFunctionOutputDTO, new() =>
        AbiValues.ToUInt64(count(await ReadAsync<TOutput>(call, block, cancellationToken).ConfigureAwait(false)));

    private async Task<TransactionResult<ulong>> ProposeAsync(ContractCall call, CancellationToken cancellationToken)
    {
        var outcome = await _channel.SendAsync(call, cancellationToken).ConfigureAwait(false);
        var created = DecodeEvents(outcome.Receipt).OfType<ProposalCreated>().SingleOrDefault()
            ?? throw new InvalidOperationException($"Transaction {outcome.Hash} succeeded but emitted no ProposalCreated event; is {Address} an AuthorityRegistry?");
        return new TransactionResult<ulong>(outcome, created.Id);
    }
}

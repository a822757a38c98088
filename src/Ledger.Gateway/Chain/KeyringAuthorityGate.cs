using Ledger.Contracts.Ethereum;
using Ledger.Core.Errors;
using Ledger.Core.Primitives;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Chain;

/// <summary>
/// <see cref="KeyringAuthorityCheck"/> as a gate on signing. It runs at startup; when no node
/// answers then, it runs again before each write is signed until a node answers, so a gateway
/// started with a foreign key during a node outage cannot sign with it once the node is back.
/// Until the check has passed nothing is signed: UNAVAILABLE while no node answers, and
/// FAILED_PRECONDITION with the check's reasons once it refused (a refusal is final, as it
/// would have stopped the gateway at startup: the operator must change the keystores and restart).
/// </summary>
public sealed partial class KeyringAuthorityGate(LedgerChain chain, IOptions<GatewayChainOptions> options, ILogger<KeyringAuthorityGate> logger)
{
    private readonly SemaphoreSlim _checking = new(1, 1);
    private volatile KeyringVerdict? _verdict;
    private bool _undesignatedLogged;

    /// <summary>
    /// Throws unless the keyring passed the check (running it now if it has not run yet).
    /// </summary>
    /// <exception cref="LedgerException">FailedPrecondition when the check refused the keyring; Unavailable when no node answers it.</exception>
    public async Task EnsurePassedAsync(IReadOnlyCollection<Address> accounts, CancellationToken ct)
    {
        KeyringVerdict? verdict;
        try
        {
            verdict = await CheckAsync(accounts, ct).ConfigureAwait(false);
        }
        catch (NodeUnreachableException)
        {
            throw new LedgerException(LedgerError.Unavailable(
                "no node has answered since this gateway started, so it has not yet checked on chain that its keys are one authority's; "
                + "it signs nothing until then: retry later"));
        }
        if (verdict?.Refusal is { } refusal)
            throw new LedgerException(LedgerError.FailedPrecondition("This gateway refuses to sign: " + refusal));
    }

    /// <summary>
    /// The verdict on <paramref name="accounts"/>, read from the chain until it is final (a refusal, or every account designated); null
    /// when there is nothing to check (no keys, or the test-only option allows several countries).
    /// </summary>
    /// <exception cref="NodeUnreachableException">No node answered: the check is still to run.</exception>
    internal async Task<KeyringVerdict?> CheckAsync(IReadOnlyCollection<Address> accounts, CancellationToken ct)
    {
        if (accounts.Count == 0 || options.Value.TestOnlyAllowKeysOfSeveralCountries)
            return null;
        if (_verdict is { } known)
            return known;
        await _checking.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_verdict is { } checkedMeanwhile)
                return checkedMeanwhile;
            var verdict = await KeyringAuthorityCheck.CheckAsync(chain.AuthorityRegistry, accounts, ct).ConfigureAwait(false);
            if (verdict.Refusal is not null)
                LogRefused(verdict.Refusal);
            else if (verdict.Undesignated.Count > 0 && !_undesignatedLogged)
            {
                LogUndesignated(string.Join(", ", verdict.Undesignated.Select(a => a.ToChecksumHex())));
                _undesignatedLogged = true;
            }
            // A pass with undesignated accounts is not final: if another country's issuer designated one
            // later, this gateway would sign for that country. So it is checked again at each write until
            // every account is designated (or one is refused).
            if (verdict.Refusal is not null || verdict.Undesignated.Count == 0)
                _verdict = verdict;
            return verdict;
        }
        finally
        {
            _checking.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Not yet authorities on chain: {Accounts}; they can do nothing until this authority's issuer designates them (ledger authority designate)")]
    private partial void LogUndesignated(string accounts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The keyring check refused this gateway's keys; it signs nothing: {Refusal}")]
    private partial void LogRefused(string refusal);
}

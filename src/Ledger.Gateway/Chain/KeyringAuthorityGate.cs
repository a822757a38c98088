using Ledger.Contracts.Authorities;
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
/// A pass that leaves accounts undesignated is checked again at each write, and the wait for a
/// check follows the write's cancellation. Checks run one at a time; when one found no node
/// answering, writes arriving within <see cref="NoNodeWindow"/> of it (those queued behind it
/// included) answer UNAVAILABLE at once instead of each waiting for the nodes' timeouts in turn.
/// </summary>
public sealed partial class KeyringAuthorityGate
{
    /// <summary>
    /// How long "no node answered the check" stands. Short: a node that is back is asked again
    /// after it; long enough that a burst of writes during an outage costs one timeout, not one each.
    /// </summary>
    internal static readonly TimeSpan NoNodeWindow = TimeSpan.FromSeconds(1);

    private readonly AuthorityRegistryContract _registry;
    private readonly IOptions<GatewayChainOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<KeyringAuthorityGate> _logger;
    private readonly SemaphoreSlim _checking = new(1, 1);
    private volatile KeyringVerdict? _verdict;
    private volatile NoNodeAnswered? _noNode;
    private bool _undesignatedLogged;

    /// <summary>A gate reading the AuthorityRegistry through the gateway's node pool.</summary>
    public KeyringAuthorityGate(LedgerChain chain, IOptions<GatewayChainOptions> options, TimeProvider time, ILogger<KeyringAuthorityGate> logger)
        : this((chain ?? throw new ArgumentNullException(nameof(chain))).AuthorityRegistry, options, time, logger)
    {
    }

    /// <summary>A gate reading <paramref name="registry"/> (tests: a registry binding over a fake node).</summary>
    internal KeyringAuthorityGate(AuthorityRegistryContract registry, IOptions<GatewayChainOptions> options, TimeProvider time, ILogger<KeyringAuthorityGate> logger)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

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
                "no node answers, so this gateway cannot check on chain that its keys are one authority's; "
                + "it signs nothing until that check has passed: retry later"));
        }
        if (verdict?.Refusal is { } refusal)
            throw new LedgerException(LedgerError.FailedPrecondition("This gateway refuses to sign: " + refusal));
    }

    /// <summary>
    /// The verdict on <paramref name="accounts"/>, read from the chain until it is final (a refusal, or every account designated); null
    /// when there is nothing to check (no keys, or the test-only option allows several countries).
    /// </summary>
    /// <exception cref="NodeUnreachableException">No node answered, now or within <see cref="NoNodeWindow"/> before: the check is still to run.</exception>
    internal async Task<KeyringVerdict?> CheckAsync(IReadOnlyCollection<Address> accounts, CancellationToken ct)
    {
        if (accounts.Count == 0 || _options.Value.TestOnlyAllowKeysOfSeveralCountries)
            return null;
        if (_verdict is { } known)
            return known;
        ThrowIfNoNodeAnsweredJustNow();
        await _checking.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_verdict is { } checkedMeanwhile)
                return checkedMeanwhile;
            // Writes that queued behind a check which found no node learn it here, rather than asking the nodes again each in turn.
            ThrowIfNoNodeAnsweredJustNow();
            KeyringVerdict verdict;
            try
            {
                verdict = await KeyringAuthorityCheck.CheckAsync(_registry, accounts, ct).ConfigureAwait(false);
            }
            catch (NodeUnreachableException e)
            {
                _noNode = new NoNodeAnswered(_time.GetTimestamp(), e.Method);
                throw;
            }
            _noNode = null;
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

    private void ThrowIfNoNodeAnsweredJustNow()
    {
        if (_noNode is not { } last)
            return;
        var since = _time.GetElapsedTime(last.Timestamp);
        if (since < NoNodeWindow)
        {
            throw new NodeUnreachableException(last.Method,
                [new IOException($"no node answered the keyring check {since.TotalMilliseconds:0} ms ago; the nodes are asked again {NoNodeWindow.TotalMilliseconds:0} ms after that")]);
        }
    }

    /// <summary>When a check last found no node answering (a <see cref="TimeProvider"/> timestamp), and the call that failed.</summary>
    private sealed record NoNodeAnswered(long Timestamp, string Method);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Not yet authorities on chain: {Accounts}; they can do nothing until this authority's issuer designates them (ledger authority designate)")]
    private partial void LogUndesignated(string accounts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The keyring check refused this gateway's keys; it signs nothing: {Refusal}")]
    private partial void LogRefused(string refusal);
}

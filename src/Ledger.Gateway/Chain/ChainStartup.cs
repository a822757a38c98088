using Ledger.Contracts.Ethereum;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Chain;

/// <summary>
/// Loads the keyring and resolves the contract addresses when the host starts, so a wrong
/// keystore, password or address stops the gateway with its message instead of failing the
/// first write; then checks on chain that the keys are those of one authority and its agencies
/// (<see cref="KeyringAuthorityCheck"/>), naming accounts still to be designated. When no node answers, the gateway still starts (it
/// answers UNAVAILABLE until a node is back) and says that the check could not run.
/// </summary>
internal sealed partial class ChainStartup(LedgerChain chain, AuthorityKeyring keyring, IOptions<GatewayChainOptions> options, ILogger<ChainStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var accounts = string.Join(", ", keyring.Accounts.Select(a => a.ToChecksumHex()));
        if (keyring.Accounts.Count > 0 && !options.Value.TestOnlyAllowKeysOfSeveralCountries)
        {
            try
            {
                var verdict = await KeyringAuthorityCheck.CheckAsync(chain.AuthorityRegistry, keyring.Accounts, cancellationToken).ConfigureAwait(false);
                if (verdict.Refusal is not null)
                    throw new InvalidOperationException(verdict.Refusal);
                if (verdict.Undesignated.Count > 0)
                    LogUndesignated(string.Join(", ", verdict.Undesignated.Select(a => a.ToChecksumHex())));
            }
            catch (NodeUnreachableException)
            {
                LogCheckDeferred(accounts);
            }
        }
        LogReady(chain.Addresses.PermitRegistry.ToChecksumHex(), chain.Addresses.AuthorityRegistry.ToChecksumHex(), accounts);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ledger contracts: PermitRegistry {PermitRegistry}, AuthorityRegistry {AuthorityRegistry}; signing for: {Accounts}")]
    private partial void LogReady(string permitRegistry, string authorityRegistry, string accounts);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Not yet authorities on chain: {Accounts}; they can do nothing until this authority's issuer designates them (ledger authority designate)")]
    private partial void LogUndesignated(string accounts);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No node answered at startup: could not check on chain that {Accounts} are one authority and its agencies; writes answer UNAVAILABLE until a node is back")]
    private partial void LogCheckDeferred(string accounts);
}

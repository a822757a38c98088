using Ledger.Contracts.Ethereum;

namespace Ledger.Gateway.Chain;

/// <summary>
/// Loads the keyring and resolves the contract addresses when the host starts, so a wrong
/// keystore, password or address stops the gateway with its message instead of failing the
/// first write; then checks on chain that the keys are those of one authority and its agencies
/// (<see cref="KeyringAuthorityGate"/>), naming accounts still to be designated. When no node
/// answers, the gateway still starts (it answers UNAVAILABLE until a node is back) and the gate
/// runs the check before the first write is signed.
/// </summary>
internal sealed partial class ChainStartup(LedgerChain chain, AuthorityKeyring keyring, KeyringAuthorityGate gate, ILogger<ChainStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var accounts = string.Join(", ", keyring.Accounts.Select(a => a.ToChecksumHex()));
        try
        {
            if ((await gate.CheckAsync(keyring.Accounts, cancellationToken).ConfigureAwait(false))?.Refusal is { } refusal)
                throw new InvalidOperationException("This gateway refuses to start: " + refusal);
        }
        catch (NodeUnreachableException)
        {
            LogCheckDeferred(accounts);
        }
        LogReady(chain.Addresses.PermitRegistry.ToChecksumHex(), chain.Addresses.AuthorityRegistry.ToChecksumHex(), accounts);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ledger contracts: PermitRegistry {PermitRegistry}, AuthorityRegistry {AuthorityRegistry}; signing for: {Accounts}")]
    private partial void LogReady(string permitRegistry, string authorityRegistry, string accounts);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No node answered at startup: could not check on chain that {Accounts} are one authority and its agencies; "
            + "the check runs before the first write is signed, and nothing is signed until it passed")]
    private partial void LogCheckDeferred(string accounts);
}

namespace Ledger.Gateway.Chain;

/// <summary>
/// Loads the keyring and resolves the contract addresses when the host starts, so a wrong
/// keystore, password or address stops the gateway with its message instead of failing the
/// first write. The node is not contacted: the gateway starts while the node is down and
/// answers UNAVAILABLE until it is back.
/// </summary>
internal sealed partial class ChainStartup(LedgerChain chain, AuthorityKeyring keyring, ILogger<ChainStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogReady(chain.Addresses.PermitRegistry.ToChecksumHex(), chain.Addresses.AuthorityRegistry.ToChecksumHex(),
            string.Join(", ", keyring.Accounts.Select(a => a.ToChecksumHex())));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ledger contracts: PermitRegistry {PermitRegistry}, AuthorityRegistry {AuthorityRegistry}; signing for: {Accounts}")]
    private partial void LogReady(string permitRegistry, string authorityRegistry, string accounts);
}

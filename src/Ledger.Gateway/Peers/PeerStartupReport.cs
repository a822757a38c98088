using Ledger.Gateway.Chain;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Peers;

/// <summary>
/// Says at startup where the peer endpoint listens, which fingerprint its certificate has and
/// which non-public hosts this gateway calls other gateways at, and warns for each account this
/// gateway signs for whose on-chain directory entry names another certificate (other gateways
/// would then refuse it, and it them). A chain read that fails only skips the comparison, with a
/// warning.
/// </summary>
internal sealed partial class PeerStartupReport(
    PeerEndpoint endpoint, PeerCertificate certificate, IOptions<PeerOptions> options, PeerHostPolicy hosts, LedgerChain chain, AuthorityKeyring keyring,
    ILogger<PeerStartupReport> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var fingerprint = CertificateFingerprint.Text(certificate.Fingerprint);
        LogListening(endpoint.BoundEndPoint?.ToString() ?? "(not bound)", options.Value.PublicUrl, fingerprint);
        var listed = options.Value.AllowedGatewayHosts;
        LogAllowedHosts(listed.Count == 0 ? "none" : string.Join(", ", listed), hosts.AllowsLoopback ? "; loopback too (Devnet mode)" : "");
        try
        {
            foreach (var account in keyring.Accounts)
            {
                var (url, published) = await chain.AuthorityRegistry.GatewayOfAsync(account, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (published != certificate.Fingerprint)
                    LogNotPublished(account.ToChecksumHex(), url, published.IsZero ? "(none)" : CertificateFingerprint.Text(published), fingerprint);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A report only: whatever stops the reads (no node yet, a node that cannot answer) must not stop the gateway.
            LogDeferred(e.Message);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Peer endpoint on {EndPoint} (public URL '{PublicUrl}'): certificate SHA-256 {Fingerprint}; the directory must name this fingerprint")]
    private partial void LogListening(string endPoint, string publicUrl, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Other gateways are called on public addresses; on non-public ones only as Peers:AllowedGatewayHosts lists: {Listed}{Loopback}")]
    private partial void LogAllowedHosts(string listed, string loopback);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The on-chain directory entry of {Account} ('{Url}', {Published}) does not name this gateway's peer certificate {Fingerprint}: other gateways will not exchange documents with it until its issuer publishes it")]
    private partial void LogNotPublished(string account, string url, string published, string fingerprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not compare the on-chain gateway directory with the peer certificate: {Reason}")]
    private partial void LogDeferred(string reason);
}

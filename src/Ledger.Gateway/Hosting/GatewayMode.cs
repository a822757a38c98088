namespace Ledger.Gateway.Hosting;

/// <summary>How the gateway accepts connections and identifies callers.</summary>
public enum GatewayMode
{
    /// <summary>TLS 1.3 with required client certificates; callers are identified by their certificate.</summary>
    Production,

    /// <summary>
    /// Plain HTTP/2 on a loopback address for a one-machine development network; callers
    /// name themselves with the <c>x-ledger-dev-identity</c> header, without any proof.
    /// </summary>
    Devnet,
}

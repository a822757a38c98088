using System.CommandLine;

namespace Ledger.Cli.Connection;

/// <summary>The options every command shares: which gateway, and as whom.</summary>
public static class ConnectionOptions
{
    /// <summary>Environment variable naming the gateway when --gateway is not given.</summary>
    public const string GatewayVariable = "LEDGER_GATEWAY";

    /// <summary>The sample devnet's first gateway (CH's), used when neither --gateway nor LEDGER_GATEWAY says otherwise.</summary>
    public static readonly Uri DefaultGateway = new("http://127.0.0.1:5081");

    /// <summary>--gateway URL.</summary>
    public static readonly Option<Uri?> Gateway = new("--gateway")
    {
        Description = $"Gateway address (default: ${GatewayVariable}, else {DefaultGateway})",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                return uri;
            result.AddError($"--gateway '{text}' is not an http:// or https:// address.");
            return null;
        },
    };

    /// <summary>--identity NAME (devnet).</summary>
    public static readonly Option<string?> Identity = new("--identity")
    {
        Description = "Devnet identity to act as (sent as the x-ledger-dev-identity header), e.g. ch-issuer",
        Recursive = true,
    };

    /// <summary>--cert FILE (mutual TLS).</summary>
    public static readonly Option<FileInfo?> Certificate = new("--cert")
    {
        Description = "PEM client certificate for mutual TLS",
        Recursive = true,
    };

    /// <summary>--key FILE (mutual TLS).</summary>
    public static readonly Option<FileInfo?> Key = new("--key")
    {
        Description = "PEM private key of --cert (unencrypted)",
        Recursive = true,
    };

    /// <summary>--ca FILE.</summary>
    public static readonly Option<FileInfo?> Ca = new("--ca")
    {
        Description = "PEM CA certificate the gateway's certificate must chain to",
        Recursive = true,
    };

    /// <summary>--timeout SECONDS.</summary>
    public static readonly Option<int> TimeoutSeconds = new("--timeout")
    {
        Description = "Deadline of each call in seconds",
        Recursive = true,
        DefaultValueFactory = _ => (int)GatewaySettings.DefaultTimeout.TotalSeconds,
    };

    /// <summary>Adds the shared options to the root command.</summary>
    public static void AddTo(Command root)
    {
        root.Options.Add(Gateway);
        root.Options.Add(Identity);
        root.Options.Add(Certificate);
        root.Options.Add(Key);
        root.Options.Add(Ca);
        root.Options.Add(TimeoutSeconds);
    }

    /// <summary>
    /// The settings of this invocation: --gateway, else the environment variable, else the
    /// devnet default. Throws <see cref="CliInputException"/> for a bad LEDGER_GATEWAY or timeout.
    /// </summary>
    public static GatewaySettings Read(ParseResult parse, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var address = parse.GetValue(Gateway);
        if (address is null && environment(GatewayVariable) is { Length: > 0 } fromEnvironment)
        {
            if (!Uri.TryCreate(fromEnvironment, UriKind.Absolute, out address) || address.Scheme is not ("http" or "https"))
                throw new CliInputException($"{GatewayVariable} '{fromEnvironment}' is not an http:// or https:// address.");
        }
        var timeout = parse.GetValue(TimeoutSeconds);
        if (timeout is < 1 or > 3600)
            throw new CliInputException("--timeout must be 1..3600 seconds.");
        return new GatewaySettings(
            address ?? DefaultGateway,
            parse.GetValue(Identity),
            parse.GetValue(Certificate)?.FullName,
            parse.GetValue(Key)?.FullName,
            parse.GetValue(Ca)?.FullName,
            TimeSpan.FromSeconds(timeout));
    }
}

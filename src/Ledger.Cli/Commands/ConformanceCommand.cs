using System.CommandLine;
using Ledger.Cli.Conformance;
using Ledger.Cli.Connection;
using Ledger.Cli.Output;
using Ledger.Core.Countries;

namespace Ledger.Cli.Commands;

/// <summary>
/// `ledger conformance --country CC (--issuer NAME --customs NAME | --issuer-cert/--issuer-key
/// --customs-cert/--customs-key) [--destination-customs NAME | --destination-customs-cert/-key]
/// [--destination-gateway URL]`: the onboarding run against one gateway of a test network, as
/// its authority's issuing officer and customs officer, and, when given, as a customs officer of
/// the destination country at that country's gateway (the import side). Exit 0 when every check passes
/// (skips included), 1 when one fails, 2 for unusable options.
/// </summary>
public static class ConformanceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var country = new Option<string>("--country") { Description = "The gateway's authority's country (ISO 3166-1 alpha-2): test permits are issued there", Required = true };
        var destination = new Option<string?>("--destination") { Description = "Destination country of the test permits (default: FR, or CH when --country is FR)" };
        var issuer = new Option<string?>("--issuer") { Description = "Devnet identity of the authority's issuing officer, e.g. ch-issuer" };
        var customs = new Option<string?>("--customs") { Description = "Devnet identity of the authority's customs officer, e.g. ch-customs" };
        var issuerCert = new Option<FileInfo?>("--issuer-cert") { Description = "PEM client certificate of the issuing officer (mutual TLS)" };
        var issuerKey = new Option<FileInfo?>("--issuer-key") { Description = "PEM key of --issuer-cert" };
        var customsCert = new Option<FileInfo?>("--customs-cert") { Description = "PEM client certificate of the customs officer (mutual TLS)" };
        var customsKey = new Option<FileInfo?>("--customs-key") { Description = "PEM key of --customs-cert" };
        var destinationCustoms = new Option<string?>("--destination-customs") { Description = "Devnet identity of a customs officer of the destination country, e.g. fr-customs (import-side checks; skipped without it)" };
        var destinationCustomsCert = new Option<FileInfo?>("--destination-customs-cert") { Description = "PEM client certificate of the destination's customs officer (mutual TLS)" };
        var destinationCustomsKey = new Option<FileInfo?>("--destination-customs-key") { Description = "PEM key of --destination-customs-cert" };
        var destinationGateway = new Option<Uri?>("--destination-gateway") { Description = "The destination country's gateway, where its customs officer acts (default: --gateway)" };
        var command = new Command("conformance", "Run the onboarding conformance checks against a gateway of a test network; prints a pass/fail report")
        {
            country, destination, issuer, customs, issuerCert, issuerKey, customsCert, customsKey,
            destinationCustoms, destinationCustomsCert, destinationCustomsKey, destinationGateway,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var shared = ConnectionOptions.Read(parse);
                var home = ParseCountry(parse.GetValue(country)!, "--country");
                var away = parse.GetValue(destination) is { } given ? ParseCountry(given, "--destination") : home == "FR" ? "CH" : "FR";
                if (away == home)
                    throw new CliInputException("--destination must differ from --country: the test permits are exports.");
                using var asIssuer = GatewayClientFactory.Create(Officer(shared, parse.GetValue(issuer), parse.GetValue(issuerCert), parse.GetValue(issuerKey), "issuer"));
                using var asCustoms = GatewayClientFactory.Create(Officer(shared, parse.GetValue(customs), parse.GetValue(customsCert), parse.GetValue(customsKey), "customs"));
                using var asDestinationCustoms = DestinationOfficer(shared, parse.GetValue(destinationGateway), parse.GetValue(destinationCustoms),
                    parse.GetValue(destinationCustomsCert), parse.GetValue(destinationCustomsKey)) is { } settings ? GatewayClientFactory.Create(settings) : null;
                var runTag = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                var context = new ConformanceContext(asIssuer, asCustoms, home, away, runTag, asDestinationCustoms);
                var results = await ConformanceRun.RunAsync(context, output, cancellationToken);
                return results.Any(result => result.Outcome == ConformanceOutcome.Failed) ? ErrorReport.CallFailed : 0;
            }
            catch (CliInputException e)
            {
                await error.WriteLineAsync(ErrorReport.InputLine(e.Message));
                return ErrorReport.BadInput;
            }
        });
        return command;
    }

    private static string ParseCountry(string text, string option) =>
        CountryCode.TryParse(text, out var code, out var problem) ? code.Value : throw new CliInputException($"{option} '{text}': {problem}");

    // The destination's customs officer, at its own gateway when given; null (import-side checks skipped) when not named.
    private static GatewaySettings? DestinationOfficer(GatewaySettings shared, Uri? gateway, string? identity, FileInfo? certificate, FileInfo? key)
    {
        if (identity is null && certificate is null && key is null)
            return gateway is null ? null : throw new CliInputException("--destination-gateway needs --destination-customs or --destination-customs-cert.");
        return Officer(shared with { Address = gateway ?? shared.Address }, identity, certificate, key, "destination-customs");
    }

    // One officer's settings: a devnet identity name, or a client certificate pair (never both).
    private static GatewaySettings Officer(GatewaySettings shared, string? identity, FileInfo? certificate, FileInfo? key, string role)
    {
        if (identity is null && certificate is null)
            throw new CliInputException($"name the {role} officer: --{role} NAME on a devnet, or --{role}-cert and --{role}-key with TLS.");
        if (identity is not null && certificate is not null)
            throw new CliInputException($"--{role} and --{role}-cert exclude each other.");
        return shared with { Identity = identity, ClientCertificateFile = certificate?.FullName, ClientKeyFile = key?.FullName };
    }
}

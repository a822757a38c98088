using Ledger.Console.Backend;
using Ledger.Console.Documents;
using Ledger.Console.Issued;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ledger.Console.Hosting;

/// <summary>
/// Registers and maps the console's pages. The host (the gateway) supplies
/// <see cref="ILedgerConsoleBackend"/>, authentication and the listening endpoint.
/// </summary>
public static class ConsoleUiExtensions
{
    /// <summary>Largest document upload, as base64 in a form field (4 MiB of document).</summary>
    private const int MaxFormValueBytes = 6 * 1024 * 1024;

    /// <summary>
    /// Razor Pages with antiforgery on every form (Razor Pages validate it on every POST), the
    /// security headers, the public page's rate limit, the assets' compression begun at startup
    /// (<see cref="ConsoleAssetEncoding"/>), and the defaults of the seams the host may fill
    /// (<see cref="DocumentExchangeNotAvailable"/>, <see cref="IssuedPermitsNotKept"/>) unless it registered its own.
    /// </summary>
    public static IServiceCollection AddLedgerConsoleUi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.SectionName));
        services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new SecurityHeadersFilter()))
            .ConfigureApplicationPartManager(AddConsolePages);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ledger-console-csrf";
            antiforgery.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            antiforgery.HeaderName = null;
        });
        services.Configure<FormOptions>(form => form.ValueLengthLimit = MaxFormValueBytes);
        services.TryAddSingleton<PublicVerificationRateLimit>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<PublicVerificationRateLimit>((limiter, policy) =>
            limiter.AddPolicy(ConsolePolicies.PublicVerificationRateLimit, policy));
        services.AddHostedService(_ => new ConsoleAssetEncoding(ConsoleAssets.All));
        services.TryAddSingleton<IIssuerDocumentSource, DocumentExchangeNotAvailable>();
        services.TryAddSingleton<IIssuedPermitList, IssuedPermitsNotKept>();
        return services;
    }

    /// <summary>
    /// MVC finds pages in the application parts the entry assembly names; a host whose entry
    /// assembly does not reference this library (a test runner, the devnet) would serve none.
    /// Adding them once, whoever the host is, keeps the console independent of how it is started.
    /// </summary>
    private static void AddConsolePages(ApplicationPartManager parts)
    {
        var assembly = typeof(ConsoleUiExtensions).Assembly;
        if (parts.ApplicationParts.OfType<AssemblyPart>().Any(part => part.Assembly == assembly))
            return;
        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
            parts.ApplicationParts.Add(part);
    }

    /// <summary>Maps the pages and assets; the returned builders let the host restrict them to the console's endpoint.</summary>
    public static IReadOnlyList<IEndpointConventionBuilder> MapLedgerConsoleUi(this IEndpointRouteBuilder endpoints) =>
        [endpoints.MapRazorPages(), .. ConsoleAssets.Map(endpoints)];
}

using Ledger.Console.Documents;
using Ledger.Console.Issued;
using Ledger.Console.Backend;
using Ledger.Console.Hosting;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Identity.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.WebConsole;

/// <summary>
/// Wires the officers' web console (Ledger.Console) into the gateway: its own endpoint, the
/// gateway's identities and policies, the handlers behind <see cref="ILedgerConsoleBackend"/>.
/// The gateway references the console, not the other way round: the console is one more
/// adapter in front of the application handlers, like the gRPC services, and the gateway is
/// the composition root that owns identity, hosting and those handlers.
/// </summary>
public static class ConsoleHostingExtensions
{
    /// <summary>The scheme that picks, per request, the console's or the API's authentication.</summary>
    private const string SelectorScheme = "LedgerConsoleOrApi";

    /// <summary>True when the configuration has a <c>Console</c> section, i.e. the gateway serves the console.</summary>
    public static bool HasConsoleSection(IConfiguration configuration) =>
        configuration.GetSection(ConsoleOptions.SectionName).Exists();

    /// <summary>
    /// With a <c>Console</c> section: the pages, their options (validated at startup), the backend,
    /// the devnet picker's scheme, the console's endpoint and its answers to refusals.
    /// </summary>
    public static WebApplicationBuilder AddLedgerConsole(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!HasConsoleSection(builder.Configuration))
            return builder;
        var services = builder.Services;
        // Before the console's own registrations, which only fill what is missing.
        services.TryAddSingleton<IIssuerDocumentSource, GatewayIssuerDocumentSource>();
        services.TryAddSingleton<IIssuedPermitList, GatewayIssuedPermitList>();
        services.AddLedgerConsoleUi(builder.Configuration);
        services.AddOptions<ConsoleOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>());
        services.TryAddSingleton<ILedgerConsoleBackend, GatewayConsoleBackend>();
        services.TryAddSingleton<ConsoleListener>();
        services.TryAddSingleton<AnonymousConsoleLimits>();
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<GatewayOptions>, IOptions<ConsoleOptions>>((filter, gateway, console) =>
        {
            if (gateway.Value.Mode == GatewayMode.Devnet)
                DevnetHostFiltering.AllowListenAddress(filter, console.Value.ListenAddress);
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, DevnetConsoleAuthenticationHandler>(DevnetConsoleAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(SelectorScheme, null, selector => selector.ForwardDefaultSelector = SchemeFor);
        services.PostConfigure<AuthenticationOptions>(authentication => authentication.DefaultScheme = SelectorScheme);
        services.TryAddSingleton<GrpcAuthorizationResultHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ConsoleAuthorizationResultHandler>();

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ApplicationServices.GetRequiredService<ConsoleListener>().Listen(kestrel));
        return builder;
    }

    /// <summary>
    /// Maps the console's pages and assets, served only on the console's endpoint (and nothing
    /// else there). Call after <see cref="GatewayHostingExtensions.MapLedgerGateway"/>, whose
    /// pipeline (authentication, authorization, rate limiting) the pages go through.
    /// </summary>
    /// <exception cref="InvalidOperationException">A policy a page declares is not one the gateway registers.</exception>
    public static WebApplication MapLedgerConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!HasConsoleSection(app.Configuration))
            return app;
        var authorization = app.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value;
        var missing = ConsolePolicies.All.Where(policy => authorization.GetPolicy(policy) is null).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"The console's pages declare policies the gateway does not register: {string.Join(", ", missing)}.");
        foreach (var endpoints in app.MapLedgerConsoleUi())
            endpoints.WithMetadata(new ServedOnListener(ConsoleListener.ListenerName));
        return app;
    }

    private static string SchemeFor(HttpContext context)
    {
        var devnet = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.Mode == GatewayMode.Devnet;
        if (!devnet)
            return CertificateAuthenticationDefaults.AuthenticationScheme;
        return DedicatedListener.Of(context) == ConsoleListener.ListenerName ? DevnetConsoleAuthenticationHandler.SchemeName : DevHeaderAuthenticationHandler.SchemeName;
    }
}

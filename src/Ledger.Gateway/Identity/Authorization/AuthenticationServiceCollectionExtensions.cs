using System.Security.Cryptography.X509Certificates;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Tls;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Identity.Authorization;

/// <summary>Registers authentication (who is calling) and authorization (may they) the ASP.NET Core way.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Two schemes, the gateway mode choosing the default: certificate authentication in
    /// Production (the client certificate of the connection, mapped through
    /// <see cref="CertificateIdentityMap"/>), the dev header in Devnet. One policy per
    /// <see cref="LedgerPolicies">kind of work</see>, and a fallback policy that admits only a
    /// mapped caller, so an endpoint that declares nothing is closed rather than open.
    /// </summary>
    public static IServiceCollection AddLedgerAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCertificate(ConfigureCertificates)
            .AddScheme<AuthenticationSchemeOptions, DevHeaderAuthenticationHandler>(DevHeaderAuthenticationHandler.SchemeName, null);
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<GatewayOptions>>((authentication, gateway) =>
            authentication.DefaultScheme = gateway.Value.Mode == GatewayMode.Devnet
                ? DevHeaderAuthenticationHandler.SchemeName
                : CertificateAuthenticationDefaults.AuthenticationScheme);
        // The handler's own chain check runs against exactly the trusted CAs, as loaded now.
        services.AddOptions<CertificateAuthenticationOptions>(CertificateAuthenticationDefaults.AuthenticationScheme)
            .Configure<TrustedCertificateAuthorities>((options, trusted) =>
                options.CustomTrustStore = [.. trusted.Authorities.Select(authority => authority.Certificate)]);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<CertificateAuthenticationOptions>, TrustedCaChangeTokenSource>());

        services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in LedgerPolicies.Roles)
                options.AddPolicy(policy, builder => builder.RequireAuthenticatedUser().AddRequirements(new CallerRoleRequirement(roles)));
            options.FallbackPolicy = options.GetPolicy(LedgerPolicies.Reader);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, CallerRoleHandler>());
        services.TryAddSingleton<AuditLog>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        return services;
    }

    private static void ConfigureCertificates(CertificateAuthenticationOptions options)
    {
        options.AllowedCertificateTypes = CertificateTypes.Chained;
        options.ChainTrustValidationMode = X509ChainTrustMode.CustomRootTrust;
        options.RevocationMode = X509RevocationMode.NoCheck;
        options.ValidateCertificateUse = true;
        // Validity is checked by TrustedCertificateAuthorities on the gateway's clock (which
        // tests can set); this handler would use the machine's.
        options.ValidateValidityPeriod = false;
        options.Events = new CertificateAuthenticationEvents
        {
            OnCertificateValidated = context =>
            {
                var resolver = context.HttpContext.RequestServices.GetRequiredService<ClientCertificateIdentityResolver>();
                var (principal, failure) = CallerAuthentication.Resolve(() => resolver.Resolve(context.HttpContext), context.Scheme.Name);
                if (principal is null)
                {
                    context.Fail(failure!);
                    return Task.CompletedTask;
                }
                context.Principal = principal;
                context.Success();
                return Task.CompletedTask;
            },
        };
    }
}

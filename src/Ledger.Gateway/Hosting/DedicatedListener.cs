using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Ledger.Gateway.Hosting;

/// <summary>
/// Listeners dedicated to one kind of endpoint beside the API's (the web console's, the peer
/// endpoint): each marks its connections with its name, and an endpoint served on one carries
/// <see cref="ServedOnListener"/> with that name. A request is served only where its endpoint
/// belongs: console pages and the peer service only on their listeners, the API only on its
/// own; anything else is 404 before authentication (gRPC clients see UNIMPLEMENTED).
/// </summary>
public static class DedicatedListener
{
    private const string Key = "ledger.listener";

    /// <summary>Marks every connection <paramref name="listen"/> accepts as arriving on <paramref name="name"/>.</summary>
    public static void Mark(ListenOptions listen, string name)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => connection =>
        {
            connection.Items[Key] = name;
            return next(connection);
        });
    }

    /// <summary>The dedicated listener the request came in on, or null for the API's.</summary>
    public static string? Of(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(Key, out var name) == true ? name as string : null;

    /// <summary>True when the request's endpoint is not served on the listener it came in on.</summary>
    public static bool IsMisdirected(HttpContext context) =>
        !string.Equals(Of(context), context.GetEndpoint()?.Metadata.GetMetadata<ServedOnListener>()?.Name, StringComparison.Ordinal);

    /// <summary>Answers 404 to misdirected requests (after routing, before authentication).</summary>
    public static IApplicationBuilder UseDedicatedListeners(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!IsMisdirected(context))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
}

/// <summary>Endpoint metadata: served only on the dedicated listener named <paramref name="Name"/>.</summary>
/// <param name="Name">The listener's name, as <see cref="DedicatedListener.Mark"/> was given it.</param>
public sealed record ServedOnListener(string Name);

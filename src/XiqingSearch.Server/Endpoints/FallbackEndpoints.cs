using Microsoft.AspNetCore.Routing.Patterns;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary>Any other URL: a JSON 404 in the error shape of every other answer, naming the routes there are.</summary>
internal static class FallbackEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapFallback((HttpContext context, EndpointDataSource endpoints) => ProblemMapper.ToResult(new Problem(ProblemCodes.NotFound,
                ServerMessages.NoRoute(context.Request.Method, context.Request.Path.Value ?? "/", Routes(endpoints)))))
            .ExcludeFromDescription();

    /// <summary>
    /// The routes a client may call, from the routing table itself, so a route added later is listed too: every
    /// mapped route with its methods, the page (<c>/</c>) and the sign-in routes included. Left out are the page's
    /// own files (they carry their <see cref="WebAsset"/>), the fallback and the catch-all forms of the document
    /// routes, which repeat routes already listed.
    /// </summary>
    internal static IReadOnlyList<string> Routes(EndpointDataSource endpoints) =>
        [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<WebAsset>() is null)
            .Where(endpoint => !endpoint.RoutePattern.Parameters.Any(parameter => parameter.IsCatchAll))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(method => method != HttpMethods.Head)
                .Select(method => method + " " + Display(endpoint.RoutePattern)))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private static string Display(RoutePattern pattern)
    {
        var text = pattern.RawText ?? "/";
        return text.StartsWith('/') ? text : "/" + text;
    }
}

using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// The search page (<c>/</c>) and its files: <c>app.js</c> (the whole UI), <c>app.css</c>, <c>embed.js</c> (mounts
/// the UI into a portal's element). HTML answers carry the Content-Security-Policy the page satisfies.
/// </summary>
internal static class PageEndpoints
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static void Map(WebApplication app)
    {
        var assets = app.Services.GetRequiredService<WebAssets>();
        var settings = app.Services.GetRequiredService<ServerSettings>();
        var csp = ContentSecurityPolicy(settings.FrameAncestors);
        foreach (var asset in assets.Files.Values)
        {
            var isPage = asset.Name == "index.html";
            var handler = (HttpContext context) => Serve(context, asset, isPage ? csp : null);
            if (isPage)
            {
                app.MapMethods("/", Methods, handler).ExcludeFromDescription();
            }
            app.MapMethods("/" + asset.Name, Methods, handler).ExcludeFromDescription();
            if (asset.Name == "favicon.svg")
            {
                app.MapMethods("/favicon.ico", Methods, handler).ExcludeFromDescription(); // browsers ask for it unprompted
            }
        }
    }

    /// <summary>
    /// Everything from this origin only, no inline script or style; <c>frame-ancestors</c> from configuration
    /// (<c>Xiqing:FrameAncestors</c>, default <c>*</c>: any site may show the page in an iframe).
    /// </summary>
    internal static string ContentSecurityPolicy(string frameAncestors) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors " + frameAncestors;

    private static IResult Serve(HttpContext context, WebAsset asset, string? csp)
    {
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        // Revalidate every time: a new server version must not be hidden behind a cached app.js.
        headers.CacheControl = "no-cache";
        if (csp is not null)
        {
            headers.ContentSecurityPolicy = csp;
        }
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}

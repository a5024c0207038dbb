using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// The search page (<c>/</c>) and its files: <c>app.js</c> (the UI's entry module) and the modules it imports from
/// <c>modules/</c>, <c>app.css</c>, <c>embed.js</c> (mounts the UI into a portal's element). Every answer carries
/// the Content-Security-Policy the page satisfies (<see cref="Hosting.SecurityHeadersMiddleware"/>).
/// </summary>
internal static class PageEndpoints
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static void Map(WebApplication app)
    {
        var assets = app.Services.GetRequiredService<WebAssets>();
        foreach (var asset in assets.Files.Values)
        {
            var isPage = asset.Name == "index.html";
            var handler = (HttpContext context) => Serve(context, asset);
            if (isPage)
            {
                app.MapMethods("/", Methods, handler).ExcludeFromDescription().WithMetadata(new WarmUpRequests());
            }
            // The page's own files carry their asset, which tells them from routes a client calls (the 404's list).
            app.MapMethods("/" + asset.Name, Methods, handler).ExcludeFromDescription().WithMetadata(asset);
            if (asset.Name == "favicon.svg")
            {
                // Browsers ask for it unprompted.
                app.MapMethods("/favicon.ico", Methods, handler).ExcludeFromDescription().WithMetadata(asset);
            }
        }
    }

    private static IResult Serve(HttpContext context, WebAsset asset)
    {
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        // Revalidate every time: a new server version must not be hidden behind a cached app.js.
        headers.CacheControl = "no-cache";
        if (asset.IsScript)
        {
            // embed.js loads app.js as an ES module into the portal's page, and a browser runs a module of another
            // origin only with CORS. The files are public, so any origin may load them; a portal outside
            // Xiqing:EmbedOrigins then gets the UI, which tells it that the API refuses its origin.
            headers.AccessControlAllowOrigin = "*";
        }
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}

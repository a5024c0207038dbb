using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// The search page (<c>/</c>) and its files: <c>app.js</c> (the whole UI), <c>app.css</c>, <c>embed.js</c> (mounts
/// the UI into a portal's element). Every answer carries the Content-Security-Policy the page satisfies (<see cref="Hosting.SecurityHeadersMiddleware"/>).
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
                app.MapMethods("/", Methods, handler).ExcludeFromDescription();
            }
            app.MapMethods("/" + asset.Name, Methods, handler).ExcludeFromDescription();
            if (asset.Name == "favicon.svg")
            {
                app.MapMethods("/favicon.ico", Methods, handler).ExcludeFromDescription(); // browsers ask for it unprompted
            }
        }
    }

    private static IResult Serve(HttpContext context, WebAsset asset)
    {
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        // Revalidate every time: a new server version must not be hidden behind a cached app.js.
        headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}

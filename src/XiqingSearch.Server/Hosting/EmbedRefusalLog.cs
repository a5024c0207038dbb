using System.Collections.Concurrent;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Says in the log why a portal's embed fails. A browser that refuses to frame the page (CSP
/// <c>frame-ancestors</c>) or to hand a portal the API's answer (CORS) shows the portal's visitor a broken frame or
/// nothing, and tells the service nothing; but the request itself arrives: a page requested for a frame
/// (<c>Sec-Fetch-Dest: iframe</c>) by a page of another site (<c>Sec-Fetch-Site</c>, the portal's origin in
/// <c>Referer</c>), or an API call with an <c>Origin</c> header. When that origin may not embed the page, a warning
/// names it and the setting that allows it, once per origin and kind (a busy portal must not flood the log).
/// </summary>
internal sealed class EmbedRefusalLog(RequestDelegate next, ServerSettings settings, ILogger<EmbedRefusalLog> logger)
{
    // Bounded: a client can send any Origin or Referer, and remembering each must not grow without end.
    private const int MaxRemembered = 256;
    private readonly ConcurrentDictionary<string, byte> _logged = new(StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            var dest = request.Headers["Sec-Fetch-Dest"].ToString();
            var site = request.Headers["Sec-Fetch-Site"].ToString();
            if (dest is "iframe" or "frame" && site is "cross-site" or "same-site")
            {
                var origin = OriginOf(request.Headers.Referer.ToString());
                if (origin is null || !settings.IsEmbedOrigin(origin))
                {
                    LogOnce("frame " + (origin ?? "?"), () => logger.LogWarning(
                        "A page of {Origin} asked for {Path} in a frame; the browser refuses to show it there (CSP frame-ancestors {FrameAncestors}). " +
                        "To allow that site to embed the page, start the server with --embed-origin {Suggested} " +
                        "(setting Xiqing:EmbedOrigins, environment XIQING_EMBED_ORIGINS).",
                        origin ?? "another site (the browser sent no Referer)", request.Path.Value, settings.FrameAncestors,
                        origin ?? "https://portal.example"));
                }
            }
            var caller = request.Headers.Origin.ToString();
            if (caller.Length > 0 && request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                && !string.Equals(caller, request.Scheme + "://" + request.Host.Value, StringComparison.OrdinalIgnoreCase)
                && !settings.IsEmbedOrigin(caller))
            {
                LogOnce("cors " + caller, () => logger.LogWarning(
                    "A page of {Origin} called {Path}; the browser withholds the answer from it (CORS). " +
                    "To allow that site to embed the search, start the server with --embed-origin {Origin} " +
                    "(setting Xiqing:EmbedOrigins, environment XIQING_EMBED_ORIGINS).",
                    caller, request.Path.Value, caller));
            }
        }
        return next(context);
    }

    private void LogOnce(string key, Action log)
    {
        if (_logged.Count < MaxRemembered && _logged.TryAdd(key, 0))
        {
            log();
        }
    }

    /// <summary>The origin (<c>scheme://host[:port]</c>) of a Referer, or null when there is none.</summary>
    private static string? OriginOf(string referer) =>
        Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Headers every answer carries, whatever produced it (page, API, error, 404): no content sniffing, no referrer
/// leaving the site, the Content-Security-Policy the page satisfies (with <c>frame-ancestors</c> from
/// <c>Xiqing:FrameAncestors</c>), and <c>Vary: Origin</c>, because CORS makes an answer depend on the caller's
/// origin and a shared cache must not hand one portal's answer to another.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, ServerSettings settings)
{
    private readonly string _csp = ContentSecurityPolicy(settings.FrameAncestors);

    /// <summary>
    /// Everything from this origin only, no inline script or style; <c>frame-ancestors</c> from configuration
    /// (default <c>'self'</c> and the CORS origins: the portals that may show the page in an iframe).
    /// </summary>
    internal static string ContentSecurityPolicy(string frameAncestors) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors " + frameAncestors;

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = _csp;
        headers.Append("Vary", "Origin");
        return next(context);
    }
}

using Microsoft.AspNetCore.Authentication;
using XiqingSearch.Core.Access;
using XiqingSearch.Server.Auth.Callers;

namespace XiqingSearch.Server.Auth;

/// <summary>
/// Says who is asking, before any route runs, and refuses what must be refused:
/// <list type="number">
/// <item>an <c>X-Api-Key</c> (any mode) is one of the keys file's, or the request is 401;</item>
/// <item>in oidc mode, a bearer token or the page's cookie session names the user and groups (a bad bearer token
/// is 401);</item>
/// <item>a state-changing request (POST, …) that carries no token must come from this site: a cookie alone
/// proves nothing, since a browser sends it with another site's form too (CSRF, 403);</item>
/// <item>an anonymous caller is 401 when <c>Xiqing:Auth:AllowAnonymous</c> is false (health probes and the
/// sign-in routes stay open).</item>
/// </list>
/// Header mode sets the caller in its own middleware; this one leaves a caller already set alone.
/// </summary>
internal sealed class SignInMiddleware(RequestDelegate next, AuthSettings settings, ApiKeys apiKeys)
{
    /// <summary>The header carrying an API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var apiKey = request.Headers[ApiKeyHeader].ToString();
        if (apiKey.Length > 0)
        {
            if (apiKeys.Find(apiKey) is not { } entry)
            {
                await AuthProblems.WriteAsync(context, ServerProblems.BadApiKey, AuthProblems.BadApiKeyMessage);
                return;
            }
            context.SignIn(Caller.InGroups(entry.Name, entry.Groups), SignInContext.ApiKey);
        }
        else if (settings.Mode == AuthSettings.ModeOidc && !IsSignInRoute(request.Path))
        {
            var bearer = request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            var result = await context.AuthenticateAsync(bearer ? OidcSignIn.BearerScheme : OidcSignIn.CookieScheme);
            if (result.Succeeded)
            {
                context.User = result.Principal;
                context.SignIn(OidcSignIn.CallerOf(result.Principal, settings.Oidc), bearer ? SignInContext.Bearer : SignInContext.Oidc);
            }
            else if (bearer && !request.Path.StartsWithSegments("/api/admin"))
            {
                // The admin key may come as a bearer too (none mode's habit); anywhere else a token that does not
                // validate is refused rather than served as anonymous, so a client learns its token is bad.
                await AuthProblems.WriteAsync(context, ServerProblems.BadToken, AuthProblems.BadTokenMessage);
                return;
            }
        }

        if (!IsSafe(request.Method) && !CarriesToken(request) && IsCrossSite(request))
        {
            await AuthProblems.WriteAsync(context, ServerProblems.CrossSite, AuthProblems.CrossSiteMessage);
            return;
        }

        var caller = context.Caller();
        if (!settings.AllowAnonymous && caller.User is null && caller.Groups.Count == 0 && !IsOpenRoute(request.Path))
        {
            await AuthProblems.WriteAsync(context, ServerProblems.SignInRequired, AuthProblems.SignInRequiredMessage,
                settings.Mode == AuthSettings.ModeOidc ? OidcSignIn.SignInUrl(request) : null);
            return;
        }
        await next(context);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    // A header a browser never adds on its own to a cross-site form or fetch without the page's code knowing the
    // secret: such a request is not forged by another site.
    private static bool CarriesToken(HttpRequest request) =>
        request.Headers.ContainsKey(ApiKeyHeader) || request.Headers.ContainsKey("X-Xiqing-Key")
        || request.Headers.Authorization.Count > 0;

    // Sec-Fetch-Site (every current browser) says it outright; else an Origin that is not this site's. A request
    // with neither comes from a program, not from a page of another site.
    private static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    // Open to anonymous callers whatever AllowAnonymous says: health probes, the sign-in and its callbacks, and
    // what the 401 page itself needs.
    private static bool IsOpenRoute(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || IsSignInRoute(path)
        || path.StartsWithSegments("/favicon.svg");

    private static bool IsSignInRoute(PathString path) =>
        path.StartsWithSegments("/auth") || path.StartsWithSegments(OidcSignIn.CallbackPath)
        || path.StartsWithSegments(OidcSignIn.SignedOutCallbackPath);
}

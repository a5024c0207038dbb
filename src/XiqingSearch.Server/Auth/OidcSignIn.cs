using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using XiqingSearch.Core.Access;

namespace XiqingSearch.Server.Auth;

/// <summary>
/// OpenID Connect (<c>Xiqing:Auth:Mode</c> = oidc): the page signs in with the authorization-code flow and PKCE and
/// keeps a cookie session; API clients (and a portal that embeds the page) send a bearer token from the same
/// issuer, validated against the issuer's published keys. The user and groups come from configurable claims.
/// </summary>
internal static class OidcSignIn
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string ChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string BearerScheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>Where the provider sends the browser back with the code.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Where the provider sends the browser back after signing out.</summary>
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "xiqing.session";

    /// <summary>The sign-in link for a page answer, coming back to <paramref name="request"/>'s page.</summary>
    public static string SignInUrl(HttpRequest request) =>
        "/auth/signin?returnUrl=" + Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString);

    /// <summary>Registers the cookie session, the OpenID Connect challenge and bearer validation.</summary>
    public static void Add(IServiceCollection services, OidcSettings oidc)
    {
        var requireHttps = !oidc.IsLoopbackHttp;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieScheme;
                o.DefaultChallengeScheme = ChallengeScheme;
            })
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                // Lax: sent when the user comes back from the provider (a top-level GET), never with another
                // site's POST; Secure whenever the page is served over HTTPS.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API call without a session is answered by the routes (anonymous or 401), never redirected.
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddOpenIdConnect(ChallengeScheme, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.RequireHttpsMetadata = requireHttps;
                o.ResponseType = OpenIdConnectResponseType.Code;
                // The code comes back in the query of a top-level GET, so the correlation and nonce cookies can be
                // Lax (a form_post would need SameSite=None, which browsers only send over HTTPS).
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.CallbackPath = CallbackPath;
                o.SignedOutCallbackPath = SignedOutCallbackPath;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.Scope.Clear();
                foreach (var scope in oidc.Scopes)
                {
                    o.Scope.Add(scope);
                }
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Claims of the user-info answer that the session keeps: the user's names and the groups (an array).
                o.ClaimActions.MapJsonKey(oidc.GroupsClaim, oidc.GroupsClaim);
                o.ClaimActions.MapUniqueJsonKey(oidc.UserClaim, oidc.UserClaim);
                o.ClaimActions.MapUniqueJsonKey("preferred_username", "preferred_username");
                o.ClaimActions.MapUniqueJsonKey("name", "name");
                o.TokenValidationParameters.NameClaimType = oidc.UserClaim;
            })
            .AddJwtBearer(BearerScheme, o =>
            {
                o.Authority = oidc.Authority;
                o.Audience = oidc.Audience ?? oidc.ClientId;
                o.RequireHttpsMetadata = requireHttps;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = oidc.UserClaim;
            });
    }

    /// <summary><c>GET /auth/signin?returnUrl=</c> (to the provider and back) and <c>POST /auth/signout</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/auth/signin", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [ChallengeScheme]))
            .ExcludeFromDescription();
        app.MapPost("/auth/signout", async (HttpContext context) =>
        {
            // The session ends here; the provider's own session (single sign-on) is the provider's to end.
            await context.SignOutAsync(CookieScheme);
            return Results.Redirect("/");
        }).ExcludeFromDescription();
    }

    /// <summary>The caller a validated token or session names: the user claim (else <c>sub</c>) and the groups claim.</summary>
    public static Caller CallerOf(ClaimsPrincipal principal, OidcSettings oidc)
    {
        var user = principal.FindFirst(oidc.UserClaim)?.Value
            ?? principal.FindFirst("preferred_username")?.Value
            ?? principal.FindFirst("sub")?.Value;
        return Caller.InGroups(user, principal.FindAll(oidc.GroupsClaim).SelectMany(c => GroupsOf(c.Value)));
    }

    // A groups claim is one claim per group, or one claim holding a JSON array or a comma-separated list.
    private static IEnumerable<string> GroupsOf(string value)
    {
        if (value.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<string[]>(value) ?? [];
            }
            catch (JsonException)
            {
                return [];
            }
        }
        return value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    // Only a path of this site: an open redirect to another site through the sign-in would help phishing.
    private static string LocalOrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}

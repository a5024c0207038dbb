using XiqingSearch.Server.Auth.Callers;

namespace XiqingSearch.Server.Auth;

/// <summary>
/// <c>GET /api/me</c>: who the caller is — user (null when anonymous), groups, how they signed in, whether they may
/// administer — and where the page signs in and out, so that it can show who is signed in.
/// </summary>
internal static class AuthEndpoints
{
    /// <summary>The answer of <c>/api/me</c>.</summary>
    public sealed record MeResponse(string? User, IReadOnlyList<string> Groups, string SignedInWith, bool Admin,
        string Mode, string? SignInUrl, string? SignOutUrl);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (HttpContext context, AuthSettings settings) =>
            {
                var caller = context.Caller();
                var oidc = settings.Mode == AuthSettings.ModeOidc;
                var method = context.SignedInWith();
                return TypedResults.Ok(new MeResponse(caller.User, caller.Groups, method, settings.IsAdmin(caller), settings.Mode,
                    oidc && caller.User is null ? "/auth/signin?returnUrl=%2F" : null,
                    method == SignInContext.Oidc ? "/auth/signout" : null));
            })
            .WithName("Me")
            .WithSummary("Who the caller is: user, groups, how they signed in, whether they may reindex.")
            .Produces<MeResponse>(StatusCodes.Status200OK, "application/json");
        OidcMap(app);
    }

    private static void OidcMap(IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<AuthSettings>().Mode == AuthSettings.ModeOidc)
        {
            OidcSignIn.Map(app);
        }
    }
}

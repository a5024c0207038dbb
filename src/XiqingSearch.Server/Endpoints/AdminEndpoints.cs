using System.Security.Cryptography;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Server.Auth;
using XiqingSearch.Server.Auth.Callers;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// <c>POST /api/admin/reindex</c>: rebuilds the index from the seeds and switches to it; searches in flight finish
/// on the old commit. Needs the configured key (<c>Xiqing:AdminKey</c>); with no key configured it is off (404).
/// </summary>
internal static class AdminEndpoints
{
    /// <summary>The header carrying the admin key (<c>Authorization: Bearer KEY</c> works too).</summary>
    public const string KeyHeader = "X-Xiqing-Key";

    /// <summary>The id of the rebuild a reindex answer is about (the one it ran, or the one that is running).</summary>
    public const string BuildHeader = "X-Xiqing-Build";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/reindex", Reindex)
            .WithName("Reindex")
            .WithSummary("Rebuilds the index and switches to it. Header X-Xiqing-Key: the configured admin key.")
            .Answers<BuildReport>(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .RequireRateLimiting(RateLimits.Admin);
    }

    private static async Task<IResult> Reindex(HttpContext context, ServerSettings settings, AuthSettings auth, EngineHolder holder)
    {
        // Under a sign-in, callers in the admin group may reindex; the admin key works as before.
        if (!settings.IsAdminEnabled && !auth.SignInConfigured)
        {
            return ProblemMapper.ToResult(new Problem(ServerProblems.AdminDisabled, ServerMessages.AdminDisabled));
        }
        var caller = context.Caller();
        if (!auth.IsAdmin(caller) && !(settings.IsAdminEnabled && HasKey(context.Request, settings.AdminKey!)))
        {
            return caller.User is not null
                ? ProblemMapper.ToResult(new Problem(ServerProblems.Forbidden, AuthProblems.ForbiddenMessage(auth.AdminGroup)))
                : ProblemMapper.ToResult(new Problem(ServerProblems.AdminUnauthorized, ServerMessages.AdminUnauthorized));
        }
        // The build is CPU-bound and synchronous; keep it off the request thread's continuation. It is not
        // cancelled when the client goes away: a half-run rebuild would only be thrown away.
        var rebuilt = await Task.Run(() => holder.Rebuild(CancellationToken.None), CancellationToken.None);
        context.Response.Headers[BuildHeader] = rebuilt.BuildId;
        var report = rebuilt.Report;
        if (report.IsSuccess)
        {
            return TypedResults.Ok(report.Value);
        }
        // A bad seed is 422, another rebuild running 409 (with its id), an unwritable index folder 503.
        var body = ProblemMapper.ToBody(report.Problems[0]);
        return TypedResults.Json(body with { Error = body.Error with { BuildId = rebuilt.BuildId } },
            statusCode: ProblemMapper.StatusFor(report.Problems[0].Code));
    }

    private static bool HasKey(HttpRequest request, string key)
    {
        var given = request.Headers[KeyHeader].ToString();
        if (given.Length == 0)
        {
            var authorization = request.Headers.Authorization.ToString();
            const string bearer = "Bearer ";
            if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            {
                given = authorization[bearer.Length..].Trim();
            }
        }
        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}

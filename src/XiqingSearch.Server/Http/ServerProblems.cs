namespace XiqingSearch.Server.Http;

/// <summary>
/// The problems only the HTTP front end raises (the rest are Core's, <c>Core.Problems.ProblemCodes</c>), each
/// declared once with the status it is answered with: <see cref="ProblemMapper"/> reads the status from here.
/// </summary>
internal static class ServerProblems
{
    // Every code below with its status, in the order declared. Declared first: static fields are set in the order
    // they are written, and each code adds itself here as it is set.
    private static readonly Dictionary<string, int> s_statuses = new(StringComparer.Ordinal);

    /// <summary>The index is still being opened or built, or could not be.</summary>
    public static readonly string NotReady = Declare("server.not-ready", StatusCodes.Status503ServiceUnavailable);

    /// <summary>The admin endpoints are off (no key configured): as if they were not there.</summary>
    public static readonly string AdminDisabled = Declare("admin.disabled", StatusCodes.Status404NotFound);

    /// <summary>The admin key is missing or wrong.</summary>
    public static readonly string AdminUnauthorized = Declare("admin.unauthorized", StatusCodes.Status401Unauthorized);

    /// <summary>Too many requests from one client (admin key attempts, or searches when a limit is set).</summary>
    public static readonly string RateLimited = Declare("request.rate-limited", StatusCodes.Status429TooManyRequests);

    /// <summary>A costly route already runs as many requests as it may (<c>Xiqing:Routes:MaxConcurrent</c>), with Retry-After.</summary>
    public static readonly string Busy = Declare("server.busy", StatusCodes.Status503ServiceUnavailable);

    /// <summary>An answer over its size limit (<c>Xiqing:Answers:…</c>): nothing written.</summary>
    public static readonly string AnswerTooLarge = Declare("answer.too-large", StatusCodes.Status413PayloadTooLarge);

    /// <summary>A bug: the exception is logged, the client sees this code.</summary>
    public static readonly string Internal = Declare("server.internal", StatusCodes.Status500InternalServerError);

    // The sign-in's refusals (Server/Auth words them, in Chinese, and answers a browser with a page).

    /// <summary>An <c>X-Api-Key</c> that is not one of the keys file's.</summary>
    public static readonly string BadApiKey = Declare("auth.bad-api-key", StatusCodes.Status401Unauthorized);

    /// <summary>A bearer token the OpenID provider did not sign, expired, or for another audience.</summary>
    public static readonly string BadToken = Declare("auth.bad-token", StatusCodes.Status401Unauthorized);

    /// <summary>Anonymous callers are not served (<c>Xiqing:Auth:AllowAnonymous</c> = false).</summary>
    public static readonly string SignInRequired = Declare("auth.sign-in-required", StatusCodes.Status401Unauthorized);

    /// <summary>Signed in, but not in the group the action needs.</summary>
    public static readonly string Forbidden = Declare("auth.forbidden", StatusCodes.Status403Forbidden);

    /// <summary>A state-changing request from another site carrying no token (CSRF).</summary>
    public static readonly string CrossSite = Declare("auth.cross-site", StatusCodes.Status403Forbidden);

    /// <summary>The status of <paramref name="code"/> when it is one of these; null for Core's codes.</summary>
    public static int? StatusOf(string code) => s_statuses.TryGetValue(code, out var status) ? status : null;

    private static string Declare(string code, int status)
    {
        s_statuses.Add(code, status);
        return code;
    }
}

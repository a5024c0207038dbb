using XiqingSearch.Core.Problems;

namespace XiqingSearch.Server.Http;

/// <summary>Problem codes that only the HTTP front end raises (the rest are in <c>Core.Problems.ProblemCodes</c>).</summary>
internal static class ServerProblems
{
    /// <summary>The index is still being opened or built, or could not be.</summary>
    public const string NotReady = "server.not-ready";

    /// <summary>The admin endpoints are off (no key configured).</summary>
    public const string AdminDisabled = "admin.disabled";

    /// <summary>The admin key is missing or wrong.</summary>
    public const string AdminUnauthorized = "admin.unauthorized";

    /// <summary>Too many requests from one client (admin key attempts, or searches when a limit is set).</summary>
    public const string RateLimited = "request.rate-limited";

    /// <summary>A costly route already runs as many requests as it may (<c>Xiqing:Routes:MaxConcurrent</c>): 503 with Retry-After.</summary>
    public const string Busy = "server.busy";

    /// <summary>An answer over its size limit (<c>Xiqing:Answers:…</c>): 413, nothing written.</summary>
    public const string AnswerTooLarge = "answer.too-large";

    /// <summary>A bug: the exception is logged, the client sees this code.</summary>
    public const string Internal = "server.internal";
}

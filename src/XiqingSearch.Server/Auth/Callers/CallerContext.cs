using XiqingSearch.Core.Access;

namespace XiqingSearch.Server.Auth.Callers;

/// <summary>
/// Where a request's <see cref="Caller"/> is kept once the sign-in in front of the routes (header, OpenID Connect,
/// bearer token or API key) has said who is asking. Endpoints read it and hand it to the engine; nobody else
/// decides who a caller is.
/// </summary>
internal static class CallerContext
{
    private static readonly object s_key = new();

    /// <summary>Who is asking; anonymous until a sign-in says otherwise.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Items.TryGetValue(s_key, out var caller) && caller is Caller known ? known : Core.Access.Caller.Anonymous;

    /// <summary>Records who is asking, for the endpoints that run after.</summary>
    public static void SetCaller(this HttpContext context, Caller caller) => context.Items[s_key] = caller;
}

using XiqingSearch.Core.Access;
using XiqingSearch.Server.Auth.Callers;

namespace XiqingSearch.Server.Auth;

/// <summary>How a request's caller signed in, next to the <see cref="Caller"/> itself (for <c>/api/me</c> and the audit log).</summary>
internal static class SignInContext
{
    /// <summary>Nobody signed in.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>An <c>X-Api-Key</c> of the keys file.</summary>
    public const string ApiKey = "api-key";

    /// <summary>The page's OpenID Connect sign-in (the cookie session).</summary>
    public const string Oidc = "oidc";

    /// <summary>A bearer token of the OpenID provider.</summary>
    public const string Bearer = "bearer";

    /// <summary>A trusted reverse proxy's headers.</summary>
    public const string Header = "header";

    private static readonly object s_key = new();

    /// <summary>How the caller signed in; <see cref="Anonymous"/> until a sign-in says otherwise.</summary>
    public static string SignedInWith(this HttpContext context) =>
        context.Items.TryGetValue(s_key, out var method) && method is string known ? known : Anonymous;

    /// <summary>Records the caller (<see cref="CallerContext.SetCaller"/>) and how they signed in.</summary>
    public static void SignIn(this HttpContext context, Caller caller, string method)
    {
        context.SetCaller(caller);
        context.Items[s_key] = method;
    }
}

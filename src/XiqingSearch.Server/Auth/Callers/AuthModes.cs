using XiqingSearch.Core.Configuration;

namespace XiqingSearch.Server.Auth.Callers;

/// <summary>The values of <c>Xiqing:Auth:Mode</c> (<c>--auth</c>): who tells the server who is asking.</summary>
internal static class AuthModes
{
    /// <summary>Nobody: every caller is anonymous (the default).</summary>
    public const string None = "none";

    /// <summary>A trusted reverse proxy, in <c>X-Remote-User</c> and <c>X-Remote-Groups</c>.</summary>
    public const string Header = "header";

    /// <summary>OpenID Connect: the page's sign-in and bearer tokens of the same issuer.</summary>
    public const string Oidc = "oidc";

    /// <summary>The mode a setting names (case aside); <c>settings.invalid</c> for any other value.</summary>
    public static string Parse(string? value, string source)
    {
        var mode = string.IsNullOrWhiteSpace(value) ? None : value.Trim().ToLowerInvariant();
        if (mode is None or Header or Oidc)
        {
            return mode;
        }
        throw new XiqingException(new Problem(ProblemCodes.SettingsInvalid,
            Http.ServerMessages.NotOneOf("Xiqing:Auth:Mode", mode, $"{None}, {Header}, {Oidc}", source), SettingsKeys.AuthMode));
    }
}

using XiqingSearch.Core.Configuration;
using XiqingSearch.Server.Auth.Callers;

namespace XiqingSearch.Server.Auth;

/// <summary>
/// How callers sign in and what is recorded about them, read once at start from the resolved settings
/// (<c>Xiqing:Auth:…</c>, <c>Xiqing:Audit:…</c>).
/// </summary>
internal sealed record AuthSettings
{
    /// <summary>No sign-in: every caller is anonymous (API keys still name integrations).</summary>
    public const string ModeNone = AuthModes.None;

    /// <summary>A trusted reverse proxy names the user and groups in headers.</summary>
    public const string ModeHeader = AuthModes.Header;

    /// <summary>OpenID Connect: the page signs in with the authorization-code flow, API clients send a bearer token.</summary>
    public const string ModeOidc = AuthModes.Oidc;

    /// <summary><c>Xiqing:Auth:Mode</c>: <see cref="ModeNone"/> (default), <see cref="ModeHeader"/> or <see cref="ModeOidc"/>.</summary>
    public string Mode { get; init; } = ModeNone;

    /// <summary><c>Xiqing:Auth:ApiKeysFile</c>: one JSON object a line, <c>{"name", "sha256", "groups"}</c>; null: no API keys.</summary>
    public string? ApiKeysFile { get; init; }

    /// <summary><c>Xiqing:Auth:AdminGroup</c>: callers in this group may reindex (default <c>xiqing-admin</c>).</summary>
    public string AdminGroup { get; init; } = "xiqing-admin";

    /// <summary><c>Xiqing:Auth:AllowAnonymous</c>: false answers anonymous callers 401 (default true).</summary>
    public bool AllowAnonymous { get; init; } = true;

    /// <summary>The OpenID provider and this service's registration with it (oidc mode).</summary>
    public OidcSettings Oidc { get; init; } = new();

    /// <summary><c>Xiqing:Audit:Path</c>: the audit log, one JSON line per request, the date put into the name; null: off.</summary>
    public string? AuditPath { get; init; }

    /// <summary><c>Xiqing:Audit:QueryText</c>: false leaves the query text out of the audit log (default true).</summary>
    public bool AuditQueryText { get; init; } = true;

    /// <summary>True when some sign-in can name a caller, so that administration goes by group rather than only by key.</summary>
    public bool SignInConfigured => Mode != ModeNone || ApiKeysFile is not null;

    /// <summary>Whether <paramref name="caller"/> may administer (reindex): a named caller in <see cref="AdminGroup"/>,
    /// once some sign-in is configured (without one nobody is named, and the admin key alone decides).</summary>
    public bool IsAdmin(Core.Access.Caller caller) =>
        SignInConfigured && caller.User is not null && caller.Groups.Contains(AdminGroup, StringComparer.Ordinal);

    /// <summary>The settings from the resolved layers; a mode that is not one of the three stops start-up.</summary>
    public static AuthSettings From(ResolvedSettings settings)
    {
        var mode = AuthModes.Parse(settings.Get(SettingsKeys.AuthMode), settings.SourceOf(SettingsKeys.AuthMode));
        var oidc = new OidcSettings
        {
            Authority = settings.Get(SettingsKeys.AuthOidcAuthority)?.TrimEnd('/'),
            ClientId = settings.Get(SettingsKeys.AuthOidcClientId),
            ClientSecret = settings.Get(SettingsKeys.AuthOidcClientSecret),
            Audience = settings.Get(SettingsKeys.AuthOidcAudience),
            GroupsClaim = settings.Get(SettingsKeys.AuthOidcGroupsClaim) ?? "groups",
            UserClaim = settings.Get(SettingsKeys.AuthOidcUserClaim) ?? "preferred_username",
            Scopes = settings.GetList(SettingsKeys.AuthOidcScopes) is { Count: > 0 } scopes ? scopes : ["openid", "profile"],
        };
        if (mode == ModeOidc && (oidc.Authority is null || oidc.ClientId is null))
        {
            throw new XiqingException(new Problem(ProblemCodes.SettingsInvalid,
                ServerMessages.OidcIncomplete(settings.SourceOf(SettingsKeys.AuthOidcAuthority)), SettingsKeys.AuthOidcAuthority));
        }
        var group = settings.Get(SettingsKeys.AuthAdminGroup)?.Trim();
        return new AuthSettings
        {
            Mode = mode,
            ApiKeysFile = settings.GetPath(SettingsKeys.AuthApiKeysFile),
            AdminGroup = string.IsNullOrEmpty(group) ? "xiqing-admin" : group,
            AllowAnonymous = settings.GetBool(SettingsKeys.AuthAllowAnonymous, true),
            Oidc = oidc,
            AuditPath = settings.GetPath(SettingsKeys.AuditPath),
            AuditQueryText = settings.GetBool(SettingsKeys.AuditQueryText, true),
        };
    }
}

/// <summary>The OpenID provider (<c>Xiqing:Auth:Oidc:…</c>).</summary>
internal sealed record OidcSettings
{
    /// <summary>The issuer's URL; its <c>/.well-known/openid-configuration</c> names the endpoints and keys.</summary>
    public string? Authority { get; init; }

    /// <summary>This service's client id at the provider.</summary>
    public string? ClientId { get; init; }

    /// <summary>The client secret, when the provider registers the service as a confidential client.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The audience a bearer token must name (default: the client id).</summary>
    public string? Audience { get; init; }

    /// <summary>The claim holding the user's groups (default <c>groups</c>): an array, or one comma-separated string.</summary>
    public string GroupsClaim { get; init; } = "groups";

    /// <summary>The claim naming the user (default <c>preferred_username</c>; <c>sub</c> when it is missing).</summary>
    public string UserClaim { get; init; } = "preferred_username";

    /// <summary>Scopes the page asks for (default <c>openid profile</c>; add the one that releases the groups claim).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = ["openid", "profile"];

    /// <summary>True when the provider is reached over plain HTTP on this machine (a test or a local provider).</summary>
    public bool IsLoopbackHttp => Uri.TryCreate(Authority, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
}

using XiqingSearch.Core.Configuration;

namespace XiqingSearch.Server.Auth;

/// <summary>What <c>ServerApp</c> calls to put sign-in and the audit log into the host: services, then middleware.</summary>
internal static class AuthSetup
{
    /// <summary>Registers the settings, the API keys, the audit log and (oidc mode) the OpenID Connect schemes.</summary>
    public static AuthSettings AddServices(IServiceCollection services, ResolvedSettings resolved)
    {
        var settings = AuthSettings.From(resolved);
        services.AddSingleton(settings);
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<AuditLog>();
        if (settings.Mode == AuthSettings.ModeOidc)
        {
            OidcSignIn.Add(services, settings.Oidc);
        }
        return settings;
    }

    /// <summary>
    /// The audit log around everything after it (so its line has the final status), then the sign-in. The keys
    /// file is read here, so a broken one stops start-up.
    /// </summary>
    public static void UseAudit(WebApplication app)
    {
        var audit = app.Services.GetRequiredService<AuditLog>();
        app.Use((context, next) => audit.InvokeAsync(context, next));
    }

    /// <summary>The sign-in: after CORS (a preflight carries no credentials) and before the rate limits and routes.</summary>
    public static void UseSignIn(WebApplication app)
    {
        app.Services.GetRequiredService<ApiKeys>();
        app.UseMiddleware<SignInMiddleware>();
    }
}

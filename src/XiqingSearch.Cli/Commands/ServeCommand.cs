using System.CommandLine;
using XiqingSearch.Core.Configuration;
using XiqingSearch.Server;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>xiqing serve</c>: the HTTP API and search page of XiqingSearch.Server, in this process. It listens at once
/// (<c>/healthz</c> answers within a second); the index is opened in the background, and a stale one is rebuilt
/// while its last good commit serves (<c>/readyz</c> 200 with <c>building: true</c> and the progress). Only when
/// no commit exists yet is <c>/readyz</c> 503 (with the progress) until the first build is done.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The verb.</summary>
    public const string Name = "serve";

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';' (default http://localhost:5000).",
            HelpName = "URLS",
        };
        var embedOrigins = new Option<string[]>("--embed-origin", "--cors-origin")
        {
            Description = "A web origin (scheme://host[:port]) whose pages may embed the search: show the page in an " +
                "iframe and call the API (embed.js); repeat for more. Also Xiqing:EmbedOrigins, XIQING_EMBED_ORIGINS=a,b " +
                "(--cors-origin, Xiqing:Cors:Origins and Xiqing:FrameAncestors are older names of the same list). " +
                "Default: none (only this service's own origin).",
            HelpName = "URL",
        };
        var adminKey = new Option<string>(SettingsKeys.FlagOf(SettingsKeys.AdminKey).Name)
        {
            Description = "Key for POST /api/admin/reindex (header X-Xiqing-Key or Authorization: Bearer). " +
                "Also Xiqing:AdminKey, XIQING_ADMIN_KEY. Default: none (admin routes off).",
            HelpName = "KEY",
        };
        var trustedProxies = new Option<string[]>("--trusted-proxy")
        {
            Description = "Address of a reverse proxy in front of the server (repeat for more): its X-Forwarded-For " +
                "names the client, so per-client limits apply to each client behind it, and under --auth header its " +
                "X-Remote-User and X-Remote-Groups name the caller (from any other address they are ignored). Also Xiqing:Auth:TrustedProxies, " +
                "XIQING_AUTH__TRUSTED_PROXIES=a,b. Default: none (the connection's address is the client).",
            HelpName = "ADDRESS",
        };
        var auditLog = new Option<string>(SettingsKeys.FlagOf(SettingsKeys.AuditPath).Name)
        {
            Description = "Write the audit log: one JSON line per request (who, what, status, hits), a file per day " +
                "(FILE-yyyy-MM-dd.ext). Also Xiqing:Audit:Path, XIQING_AUDIT__PATH. Default: none (nothing written).",
            HelpName = "FILE",
        };
        var auth = new Option<string>("--auth")
        {
            Description = "Who is asking: none (everyone anonymous), header (a trusted reverse proxy names the user in " +
                "X-Remote-User and their groups in X-Remote-Groups; see --trusted-proxy) or oidc. Also Xiqing:Auth:Mode. " +
                "Default: none.",
            HelpName = "MODE",
        };
        auth.AcceptOnlyFromAmong("none", "header", "oidc");
        var locations = new LocationOptions();
        var command = new Command(Name, """
            Start the HTTP server: the search API (/api/search, /api/documents, /api/facets), the search page (/)
            and health probes. Other ASP.NET Core settings pass through, e.g. --Xiqing:SearchCacheMegabytes=0.
            Stop it with Ctrl+C.
            """)
        {
            urls, embedOrigins, adminKey, trustedProxies, auditLog, auth,
        };
        locations.AddTo(command);
        // Host settings we do not model (--Xiqing:Key=value) go to the server's own configuration.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            {
                // The ahead-of-time build (Native AOT) is for the one-shot verbs; ASP.NET Core's request binding,
                // OpenAPI and JSON need the JIT. Main leaves dynamic code on for `serve`, so this is only that build.
                Console.Error.WriteLine("xiqing: serve needs the JIT build of xiqing (the .NET tool, `dotnet run`, or a "
                    + "ReadyToRun publish); this ahead-of-time build runs the other verbs. See src/XiqingSearch.Cli/README.md.");
                return ExitCodes.UserError;
            }
            // The flags become the server's own arguments, so the server resolves exactly what it would when
            // started on its own with them (one resolver: flag, environment, xiqing.json, appsettings.json).
            List<string> args = [.. parseResult.UnmatchedTokens];
            foreach (var option in new[] { locations.Seeds, locations.Index, locations.SmartCnJar, adminKey, urls, auditLog })
            {
                if (parseResult.GetValue(option) is { Length: > 0 } value)
                {
                    args.AddRange([option.Name, value]);
                }
            }
            if (parseResult.GetValue(locations.Ocr))
            {
                args.Add(locations.Ocr.Name);
            }
            if (parseResult.GetValue(embedOrigins) is { Length: > 0 } origins)
            {
                args.Add("--Xiqing:EmbedOrigins=" + string.Join(',', origins));
            }
            if (parseResult.GetValue(auth) is { Length: > 0 } mode)
            {
                args.Add("--Xiqing:Auth:Mode=" + mode);
            }
            if (parseResult.GetValue(trustedProxies) is { Length: > 0 } proxies)
            {
                args.Add("--Xiqing:Auth:TrustedProxies=" + string.Join(',', proxies));
            }
            var settings = CommandRunner.Unwrap(ServerApp.ResolveSettings([.. args]));
            // Listens before the index is opened: a slow build must never keep /healthz from answering. The server
            // logs the build's progress, and /readyz reports it.
            using var app = ServerApp.Build([.. args], settings);
            app.Run();
            return ExitCodes.Success;
        }));
        return ExamplesHelpAction.WithExamples(command, """
            xiqing serve
            xiqing serve --urls http://0.0.0.0:8080 --index /var/lib/xiqing/index
            xiqing serve --urls http://0.0.0.0:8080 --embed-origin https://portal.example.gov.cn   # an iframe or embed.js in the portal
            xiqing serve --admin-key "$KEY"     # then: curl -X POST -H "X-Xiqing-Key: $KEY" http://host/api/admin/reindex
            """);
    }
}

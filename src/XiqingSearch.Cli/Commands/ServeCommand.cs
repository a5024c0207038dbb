using System.CommandLine;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Server;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>xiqing serve</c>: the HTTP API and search page of XiqingSearch.Server, in this process. The index is built
/// first (with progress) when it is missing or stale, so the server answers from its first request.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';' (default http://localhost:5000).",
            HelpName = "URLS",
        };
        var corsOrigins = new Option<string[]>("--cors-origin")
        {
            Description = "A web origin (scheme://host[:port]) whose pages may call the API: needed to embed the page " +
                "with embed.js in a portal on another origin; repeat for more. Also Xiqing:Cors:Origins, " +
                "XIQING_CORS__ORIGINS=a,b. Default: none (same origin only).",
            HelpName = "ORIGIN",
        };
        var adminKey = new Option<string>("--admin-key")
        {
            Description = "Key for POST /api/admin/reindex (header X-Xiqing-Key or Authorization: Bearer). " +
                "Also Xiqing:AdminKey, XIQING_ADMIN_KEY. Default: none (admin routes off).",
            HelpName = "KEY",
        };
        var locations = new LocationOptions();
        var command = new Command("serve", """
            Start the HTTP server: the search API (/api/search, /api/documents, /api/facets), the search page (/)
            and health probes. Other ASP.NET Core settings pass through, e.g. --Xiqing:FrameAncestors="'self'".
            Stop it with Ctrl+C.
            """)
        {
            urls, corsOrigins, adminKey,
        };
        locations.AddTo(command);
        // Host settings we do not model (--Xiqing:Key=value) go to the server's own configuration.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            var settings = locations.Resolve(parseResult);
            var options = settings.ToIndexOptions();
            var state = IndexBuilder.Check(options);
            if (state != IndexState.Current)
            {
                var built = BuildProgress.Run($"building the index in {settings.IndexDirectory}",
                    progress => IndexBuilder.Build(options, progress));
                if (!built.IsSuccess && state == IndexState.Stale)
                {
                    // A good index exists: serve it. The server logs the refusal and names it in /readyz.
                    Console.Error.WriteLine(
                        $"xiqing: warning: the index was not rebuilt, serving the last good index: {built.Problems[0].Message} [{built.Problems[0].Code}]");
                }
                else
                {
                    CommandRunner.Unwrap(built);
                }
            }
            List<string> args = [.. parseResult.UnmatchedTokens];
            if (parseResult.GetValue(urls) is { Length: > 0 } given)
            {
                args.AddRange(["--urls", given]);
            }
            if (parseResult.GetValue(corsOrigins) is { Length: > 0 } origins)
            {
                args.Add("--Xiqing:Cors:Origins=" + string.Join(',', origins));
            }
            if (parseResult.GetValue(adminKey) is { Length: > 0 } key)
            {
                args.AddRange(["--admin-key", key]);
            }
            using var app = ServerApp.Build([.. args], options);
            app.Run();
            return ExitCodes.Success;
        }));
        return ExamplesHelpAction.WithExamples(command, """
            xiqing serve
            xiqing serve --urls http://0.0.0.0:8080 --index /var/lib/xiqing/index
            xiqing serve --urls http://0.0.0.0:8080 --cors-origin https://portal.example.gov.cn   # embed.js in the portal
            xiqing serve --admin-key "$KEY"     # then: curl -X POST -H "X-Xiqing-Key: $KEY" http://host/api/admin/reindex
            """);
    }
}

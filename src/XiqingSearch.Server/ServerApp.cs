using System.Reflection;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Configuration.Json;
using XiqingSearch.Core.Configuration;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Server.Auth;
using XiqingSearch.Server.Endpoints;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server;

/// <summary>
/// Builds the HTTP service: the search API, the embeddable page, health probes and OpenAPI. Used by the server's
/// own <c>Program</c> and by the CLI's <c>xiqing serve</c>; everything it needs is inside this assembly.
/// </summary>
public static class ServerApp
{
    // Core's one table of the settings' own flags, as the command-line configuration maps a flag to its key.
    private static readonly Dictionary<string, string> s_switches = SettingsKeys.Flags.Where(flag => !flag.IsSwitch)
        .ToDictionary(flag => flag.Name, flag => flag.ConfigurationName[2..]);

    /// <summary>
    /// The settings for <paramref name="args"/>: <c>--index DIR</c>, <c>--seeds DIR</c>, <c>--smartcn-jar PATH</c>,
    /// <c>--admin-key KEY</c>, <c>--audit-log FILE</c>, <c>--ocr</c> and <c>--Xiqing:Key=value</c> are the flag layer of Core's
    /// <see cref="SettingsResolver"/>, over the environment, <c>xiqing.json</c> and <c>appsettings.json</c> in the
    /// current directory — the resolution the command line does too.
    /// </summary>
    public static Result<ResolvedSettings> ResolveSettings(string[] args)
    {
        // A switch (--ocr) has no value, which the command-line configuration cannot map: it is the setting on.
        args = [.. args.Select(a => SettingsKeys.Flags.FirstOrDefault(flag => flag.IsSwitch && flag.Name == a) is { } flag
            ? flag.ConfigurationName + "=true"
            : a)];
        args = EmbedOriginFlags(args);
        var section = new ConfigurationBuilder().AddCommandLine(args, s_switches).Build().GetSection("Xiqing");
        // --Xiqing:Cors:Origins:0=a --Xiqing:Cors:Origins:1=b is the list "a,b", in index order.
        var flags = section.AsEnumerable(makePathsRelative: true)
            .Where(entry => entry.Value is not null)
            .Select(entry =>
            {
                var parts = entry.Key.Split(':');
                return parts.Length > 1 && int.TryParse(parts[^1], out var position)
                    ? (Name: string.Join(':', parts[..^1]), Position: position, entry.Value)
                    : (Name: entry.Key, Position: -1, entry.Value);
            })
            .GroupBy(entry => entry.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key,
                group => (string?)string.Join(',', group.OrderBy(entry => entry.Position).Select(entry => entry.Value)),
                StringComparer.OrdinalIgnoreCase);
        return SettingsResolver.Resolve(flags, Environment.GetEnvironmentVariables(), Directory.GetCurrentDirectory());
    }

    /// <summary>
    /// <c>--embed-origin URL</c> (repeatable) and its older name <c>--cors-origin</c> as the list
    /// <c>Xiqing:EmbedOrigins</c>, in the order given (the command-line configuration keeps one value per switch).
    /// </summary>
    internal static string[] EmbedOriginFlags(string[] args)
    {
        var rest = new List<string>();
        var origins = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            if (name is "--embed-origin" or "--cors-origin")
            {
                if (arg.Contains('=', StringComparison.Ordinal))
                {
                    origins.Add(arg[(name.Length + 1)..]);
                }
                else if (i + 1 < args.Length)
                {
                    origins.Add(args[++i]);
                }
                continue;
            }
            rest.Add(arg);
        }
        if (origins.Count > 0)
        {
            rest.Add("--Xiqing:EmbedOrigins=" + string.Join(',', origins));
        }
        return [.. rest];
    }

    /// <summary>
    /// Configures the host from <paramref name="args"/> (<c>--urls</c> and the settings of
    /// <see cref="ResolveSettings"/>). <paramref name="settings"/>, when given, were resolved from the same
    /// arguments by the caller; <paramref name="engine"/>, when given, is an index the caller already opened
    /// (<c>xiqing serve</c> builds it with progress first), which the server serves instead of opening its own.
    /// </summary>
    public static WebApplication Build(string[] args, ResolvedSettings? settings = null, SearchEngine? engine = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = EmbedOriginFlags(args),
            ApplicationName = typeof(ServerApp).Assembly.GetName().Name,
        });
        builder.UseServiceManagers();
        // Raw UTF-8 in a request line (curl "…?q=天开西青园") is percent-encoded before Kestrel parses it.
        builder.WebHost.ConfigureKestrel(RawRequestLineMiddleware.Add);

        // Embedded defaults (logging) go first so every file, variable and flag overrides them.
        builder.Configuration.Sources.Insert(0, new JsonStreamConfigurationSource
        {
            Stream = OpenResource("appsettings.json"),
        });

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        var resolved = settings ?? ResolveSettings(args).ValueOrThrow();
        var serverSettings = ServerSettings.From(resolved);
        builder.Services.AddSingleton(serverSettings);
        AuthSetup.AddServices(builder.Services, resolved);
        builder.Services.AddSingleton(services => new EngineHolder(serverSettings,
            services.GetRequiredService<ILogger<EngineHolder>>(), engine));
        builder.Services.AddSingleton<SearchCache>();
        builder.Services.AddSingleton<RouteGuard>();
        builder.Services.AddHostedService<EngineService>();
        builder.Services.AddSingleton(WebAssets.Load());
        RateLimits.Add(builder.Services, serverSettings);

        builder.Services.ConfigureHttpJsonOptions(o => XiqingJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "XiqingSearch API";
            document.Info.Description = ServerMessages.OpenApiDescription;
            OpenApiDocumentation.Apply(document);
            return Task.CompletedTask;
        }));
        // Answers are JSON, CSV and the page's text: compressed for clients that ask (brotli first, gzip), at the
        // fastest level, since a search answer is made once and read once.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/csv", "image/svg+xml"];
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            // The embed origins: the same list frames the page (SecurityHeadersMiddleware) and calls the API.
            if (serverSettings.EmbedOrigins.Count > 0)
            {
                policy.SetIsOriginAllowed(serverSettings.IsEmbedOrigin).WithMethods("GET").AllowAnyHeader();
            }
        }));

        var app = builder.Build();
        app.UseResponseCompression();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        AuthSetup.UseAudit(app);
        // Who is asking, before any route answers (header mode; the other sign-ins set the caller the same way).
        app.UseMiddleware<Auth.HeaderSignIn>();
        app.UseMiddleware<EmbedRefusalLog>();
        app.UseCors();
        AuthSetup.UseSignIn(app);
        app.UseRateLimiter();

        app.MapOpenApi();
        HealthEndpoints.Map(app);
        SearchEndpoints.Map(app);
        SuggestEndpoints.Map(app);
        AnalyticsEndpoints.Map(app);
        DocumentEndpoints.Map(app);
        AdminEndpoints.Map(app);
        AuthEndpoints.Map(app);
        PageEndpoints.Map(app);
        FallbackEndpoints.Map(app);
        return app;
    }

    internal static Stream OpenResource(string name) =>
        typeof(ServerApp).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
}

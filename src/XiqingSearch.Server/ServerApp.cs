using System.Reflection;
using Microsoft.Extensions.Configuration.Json;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Server.Endpoints;
using XiqingSearch.Server.Hosting;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server;

/// <summary>
/// Builds the HTTP service: the search API, the embeddable page, health probes and OpenAPI. Used by the server's
/// own <c>Program</c> and by the CLI's <c>xiqing serve</c>; everything it needs is inside this assembly.
/// </summary>
public static class ServerApp
{
    /// <summary>
    /// Configures the host from <paramref name="args"/> (<c>--urls</c>, <c>--index DIR</c>, <c>--seeds DIR</c>,
    /// <c>--Xiqing:Key=value</c>), <c>XIQING_…</c> environment variables and appsettings.json, in rising order of
    /// precedence: embedded defaults, appsettings.json in the current directory, environment, command line.
    /// <paramref name="overrides"/>, when given (the CLI's flags), decides the index, seeds and jar.
    /// </summary>
    public static WebApplication Build(string[] args, IndexOptions? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(ServerApp).Assembly.GetName().Name,
        });
        builder.UseServiceManagers();

        // Embedded defaults go first so every file, variable and flag overrides them.
        builder.Configuration.Sources.Insert(0, new JsonStreamConfigurationSource
        {
            Stream = OpenResource("appsettings.json"),
        });
        builder.Configuration.AddInMemoryCollection(XiqingEnvironment.ToConfiguration());
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--index"] = "Xiqing:Index",
            ["--seeds"] = "Xiqing:Seeds",
            ["--smartcn-jar"] = "Xiqing:SmartCnJar",
            ["--admin-key"] = "Xiqing:AdminKey",
        });

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        var settings = ServerSettings.From(builder.Configuration, overrides);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<EngineHolder>();
        builder.Services.AddSingleton<SearchCache>();
        builder.Services.AddHostedService<EngineService>();
        builder.Services.AddSingleton(WebAssets.Load());
        RateLimits.Add(builder.Services, settings);

        builder.Services.ConfigureHttpJsonOptions(o => XiqingJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "XiqingSearch API";
            document.Info.Description = ServerMessages.OpenApiDescription;
            OpenApiDocumentation.Apply(document);
            return Task.CompletedTask;
        }));
        builder.Services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            if (settings.CorsOrigins.Count > 0)
            {
                policy.WithOrigins([.. settings.CorsOrigins]).WithMethods("GET").AllowAnyHeader();
            }
        }));

        var app = builder.Build();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCors();
        app.UseRateLimiter();

        app.MapOpenApi();
        HealthEndpoints.Map(app);
        SearchEndpoints.Map(app);
        SuggestEndpoints.Map(app);
        AnalyticsEndpoints.Map(app);
        DocumentEndpoints.Map(app);
        AdminEndpoints.Map(app);
        PageEndpoints.Map(app);
        FallbackEndpoints.Map(app);
        return app;
    }

    internal static Stream OpenResource(string name) =>
        typeof(ServerApp).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
}

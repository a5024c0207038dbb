using System.Net;
using System.Text.Json;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Tests.Endpoints;

[Collection(ServerCollection.Name)]
public sealed class HealthEndpointsTests(ServerFixture server)
{
    [Fact]
    public async Task Healthz_Alive()
    {
        var json = await server.GetJsonAsync("/healthz");
        Assert.Equal("alive", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_IndexOpen_ReportsDocuments()
    {
        var json = await server.GetJsonAsync("/readyz");
        Assert.Equal("ready", json.GetProperty("status").GetString());
        Assert.Equal(Directory.GetFiles(server.Options.SeedsDirectory, "*.txt").Length, json.GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task Readyz_IndexMissing_Returns503UntilBuilt()
    {
        // A server over an empty index folder with no seeds cannot become ready; it says why.
        var empty = Path.Combine(Path.GetTempPath(), "xiqing-empty-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        var app = XiqingSearch.Server.ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=None",
            "--index", Path.Combine(empty, "index"), "--seeds", Path.Combine(empty, "seeds")]);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            using var health = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            await Task.Delay(500);
            using var ready = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var search = await client.GetAsync("/api/search?q=x");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
            var error = JsonDocument.Parse(await search.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
            Assert.False(string.IsNullOrEmpty(error.GetProperty("code").GetString()));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task OpenApi_DescribesSearchAndTheResultModel()
    {
        var doc = await server.GetJsonAsync("/openapi/v1.json");

        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/search", "/api/documents", "/api/documents/{doc}/paragraphs/{n}", "/api/facets", "/healthz", "/readyz" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var response = schemas.GetProperty("SearchResponse").GetProperty("properties");
        foreach (var field in new[] { "query", "totalHits", "totalOccurrences", "hits", "facets", "offset", "limit" })
        {
            Assert.True(response.TryGetProperty(field, out _), field);
        }
        Assert.True(schemas.GetProperty("SearchHit").GetProperty("properties").TryGetProperty("highlights", out _));
        Assert.True(schemas.TryGetProperty("ErrorResponse", out _));
        Assert.Contains("1-based", doc.GetProperty("info").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Page_ServedWithContentSecurityPolicy()
    {
        using var page = await server.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        // Default: this site and the configured CORS origins (the portals) may frame the page, nobody else.
        Assert.Contains("frame-ancestors 'self' " + ServerFixture.PortalOrigin, csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("src=\"app.js\"", html);
        Assert.DoesNotContain("<script>", html); // no inline script: the CSP would block it
        Assert.DoesNotContain("style=", html);

        foreach (var (file, type) in new[] { ("app.js", "text/javascript"), ("app.css", "text/css"), ("embed.js", "text/javascript") })
        {
            using var asset = await server.Client.GetAsync("/" + file);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Equal(type, asset.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", asset.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Page_UnchangedAsset_Answers304()
    {
        using var first = await server.Client.GetAsync("/app.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/app.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }
}

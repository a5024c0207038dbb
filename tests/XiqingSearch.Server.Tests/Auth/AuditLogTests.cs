using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using XiqingSearch.Server.Auth;

namespace XiqingSearch.Server.Tests.Auth;

/// <summary>The audit log of a real server: one JSON line per request, kept across restarts, nothing when off.</summary>
[Collection(ServerCollection.Name)]
public sealed class AuditLogTests(ServerFixture server) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "xiqing-audit-" + Guid.NewGuid().ToString("N"));

    private string AuditPath => Path.Combine(_folder, "logs", "audit.jsonl");

    // The day's file, read while the server may still hold it open for writing.
    private List<JsonElement> Lines()
    {
        var files = Directory.GetFiles(Path.Combine(_folder, "logs"), "audit-*.jsonl");
        Assert.Single(files);
        using var stream = new FileStream(files[0], FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    private static async Task StopAsync(WebApplication app, HttpClient client)
    {
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Search_WithApiKey_WritesWhoWhatAndHits()
    {
        var keys = Path.Combine(_folder, "keys.jsonl");
        var key = ApiKeyFile.Add(keys, "portal", ["规划科"]).ValueOrThrow();
        var (app, client) = await ServerFixture.StartAsync(server.Options, "--audit-log", AuditPath, "--Xiqing:Auth:ApiKeysFile=" + keys);
        int expectedHits;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=%E5%8F%91%E5%B1%95&year=2024&limit=3");
            request.Headers.Add(SignInMiddleware.ApiKeyHeader, key);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            expectedHits = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("totalHits").GetInt32();
            using var bad = await client.GetAsync("/api/search?q=%22unclosed");
            using var probe = await client.GetAsync("/healthz");
        }
        finally
        {
            await StopAsync(app, client);
        }

        var lines = Lines();
        var search = Assert.Single(lines, l => l.GetProperty("route").GetString() == "/api/search" && l.GetProperty("status").GetInt32() == 200);
        Assert.Equal("portal", search.GetProperty("user").GetString());
        Assert.Equal(["规划科"], search.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("api-key", search.GetProperty("signedInWith").GetString());
        Assert.Equal("127.0.0.1", search.GetProperty("client").GetString());
        Assert.Equal(["发展"], search.GetProperty("query").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(["2024"], search.GetProperty("filters").GetProperty("year").EnumerateArray().Select(y => y.GetString()));
        Assert.Equal(expectedHits, search.GetProperty("totalHits").GetInt32());
        Assert.True(search.GetProperty("tookMs").GetDouble() >= 0);
        Assert.True(DateTimeOffset.TryParse(search.GetProperty("time").GetString(), out _));
        var failed = Assert.Single(lines, l => l.GetProperty("route").GetString() == "/api/search" && l.GetProperty("status").GetInt32() == 400);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("user").ValueKind);
        Assert.DoesNotContain(lines, l => l.GetProperty("route").GetString() == "/healthz");
    }

    [Fact]
    public async Task Restart_AppendsToTheDaysFile_AndQueryTextOffLeavesQueriesOut()
    {
        var (app, client) = await ServerFixture.StartAsync(server.Options, "--audit-log", AuditPath);
        try
        {
            using var first = await client.GetAsync("/api/search?q=%E8%A5%BF%E9%9D%92");
        }
        finally
        {
            await StopAsync(app, client);
        }
        (app, client) = await ServerFixture.StartAsync(server.Options, "--audit-log", AuditPath, "--Xiqing:Audit:QueryText=false",
            "--Xiqing:AdminKey=k", "--Xiqing:RateLimit:AdminPerMinute=1000");
        try
        {
            using var second = await client.GetAsync("/api/search?q=%E7%A7%98%E5%AF%86");
            using var reindex = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
            reindex.Headers.Add("X-Xiqing-Key", "wrong");
            using var refused = await client.SendAsync(reindex);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        finally
        {
            await StopAsync(app, client);
        }

        var searches = Lines().Where(l => l.GetProperty("route").GetString() == "/api/search").ToList();
        Assert.Equal(2, searches.Count);
        Assert.Equal("西青", searches[0].GetProperty("query")[0].GetString());
        Assert.False(searches[1].TryGetProperty("query", out _));
        Assert.True(searches[1].GetProperty("queryOmitted").GetBoolean());
        Assert.DoesNotContain("秘密", File.ReadAllText(Directory.GetFiles(Path.Combine(_folder, "logs"))[0]), StringComparison.Ordinal);
        var admin = Assert.Single(Lines(), l => l.TryGetProperty("admin", out _));
        Assert.Equal("reindex", admin.GetProperty("admin").GetString());
        Assert.Equal(401, admin.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Off_WritesNothing()
    {
        Directory.CreateDirectory(_folder);
        var before = Directory.GetFileSystemEntries(_folder, "*", SearchOption.AllDirectories);
        var (app, client) = await ServerFixture.StartAsync(server.Options);
        try
        {
            using var search = await client.GetAsync("/api/search?q=%E5%8F%91%E5%B1%95");
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            Assert.False(app.Services.GetRequiredService<AuditLog>().Enabled);
        }
        finally
        {
            await StopAsync(app, client);
        }
        Assert.Equal(before, Directory.GetFileSystemEntries(_folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void FileFor_PutsTheDateBeforeTheExtension()
    {
        Assert.Equal(Path.Combine("/var/log/xiqing", "audit-2026-12-07.jsonl"),
            AuditLog.FileFor("/var/log/xiqing/audit.jsonl", new DateOnly(2026, 12, 7)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using XiqingSearch.Server.Auth;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Tests.Auth;

/// <summary>API keys, <c>/api/me</c>, administration by group, anonymous callers refused, CSRF: a real server on Kestrel.</summary>
[Collection(ServerCollection.Name)]
public sealed class SignInTests(ServerFixture server) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "xiqing-signin-" + Guid.NewGuid().ToString("N"));

    private async Task<(WebApplication App, HttpClient Client, string Reader, string Admin)> StartAsync(params string[] args)
    {
        var keys = Path.Combine(_folder, "api-keys.jsonl");
        var reader = ApiKeyFile.Add(keys, "portal", ["xq-planning", "规划科"]).ValueOrThrow();
        var admin = ApiKeyFile.Add(keys, "ops", ["xiqing-admin"]).ValueOrThrow();
        var (app, client) = await ServerFixture.StartAsync(server.Options, ["--Xiqing:Auth:ApiKeysFile=" + keys, .. args]);
        return (app, client, reader, admin);
    }

    private static async Task StopAsync(WebApplication app, HttpClient client)
    {
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string url,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text[0] == '{' ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    [Fact]
    public async Task Me_WithApiKey_NamesTheKeyAndItsGroups()
    {
        var (app, client, reader, admin) = await StartAsync();
        try
        {
            var (status, me) = await SendAsync(client, HttpMethod.Get, "/api/me", (SignInMiddleware.ApiKeyHeader, reader));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("portal", me.GetProperty("user").GetString());
            Assert.Equal(["xq-planning", "规划科"], me.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
            Assert.Equal("api-key", me.GetProperty("signedInWith").GetString());
            Assert.False(me.GetProperty("admin").GetBoolean());

            var (_, adminMe) = await SendAsync(client, HttpMethod.Get, "/api/me", (SignInMiddleware.ApiKeyHeader, admin));
            Assert.True(adminMe.GetProperty("admin").GetBoolean());

            var (_, anonymous) = await SendAsync(client, HttpMethod.Get, "/api/me");
            Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("user").ValueKind);
            Assert.Equal("anonymous", anonymous.GetProperty("signedInWith").GetString());

            var (searched, _) = await SendAsync(client, HttpMethod.Get, "/api/search?q=发展", (SignInMiddleware.ApiKeyHeader, reader));
            Assert.Equal(HttpStatusCode.OK, searched);
        }
        finally
        {
            await StopAsync(app, client);
        }
    }

    [Fact]
    public async Task Search_WrongApiKey_Is401InChinese()
    {
        var (app, client, reader, _) = await StartAsync();
        try
        {
            var (status, body) = await SendAsync(client, HttpMethod.Get, "/api/search?q=发展", (SignInMiddleware.ApiKeyHeader, reader + "x"));

            Assert.Equal(HttpStatusCode.Unauthorized, status);
            var error = body.GetProperty("error");
            Assert.Equal(ServerProblems.BadApiKey, error.GetProperty("code").GetString());
            Assert.Contains("密钥无效", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(app, client);
        }
    }

    [Fact]
    public async Task ApiKey_AddedWhileServing_WorksWithoutRestart()
    {
        var (app, client, _, _) = await StartAsync();
        try
        {
            var late = ApiKeyFile.Add(Path.Combine(_folder, "api-keys.jsonl"), "late", ["x"]).ValueOrThrow();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpStatusCode status;
            do
            {
                await Task.Delay(250);
                (status, _) = await SendAsync(client, HttpMethod.Get, "/api/me", (SignInMiddleware.ApiKeyHeader, late));
            }
            while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            await StopAsync(app, client);
        }
    }

    [Fact]
    public async Task Reindex_ByGroup_AdminGroupMayOthersAre403()
    {
        var (app, client, reader, admin) = await StartAsync("--Xiqing:RateLimit:AdminPerMinute=1000");
        try
        {
            var (refused, body) = await SendAsync(client, HttpMethod.Post, "/api/admin/reindex", (SignInMiddleware.ApiKeyHeader, reader));
            Assert.Equal(HttpStatusCode.Forbidden, refused);
            Assert.Equal(ServerProblems.Forbidden, body.GetProperty("error").GetProperty("code").GetString());
            Assert.Contains("xiqing-admin", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);

            var (anonymous, _) = await SendAsync(client, HttpMethod.Post, "/api/admin/reindex");
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous);

            var (allowed, report) = await SendAsync(client, HttpMethod.Post, "/api/admin/reindex", (SignInMiddleware.ApiKeyHeader, admin));
            Assert.Equal(HttpStatusCode.OK, allowed);
            Assert.True(report.ValueKind == JsonValueKind.Object);
        }
        finally
        {
            await StopAsync(app, client);
        }
    }

    [Fact]
    public async Task Reindex_CrossSiteWithoutToken_Is403()
    {
        var (app, client, _, _) = await StartAsync("--Xiqing:AdminKey=k");
        try
        {
            // What a form on another site posting to the service looks like: its origin, no token header.
            var (status, body) = await SendAsync(client, HttpMethod.Post, "/api/admin/reindex",
                ("Origin", "http://evil.example"), ("Sec-Fetch-Site", "cross-site"));
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal(ServerProblems.CrossSite, body.GetProperty("error").GetProperty("code").GetString());

            // The same origin without a token is not refused as cross-site; it is refused for want of a key.
            var (same, _) = await SendAsync(client, HttpMethod.Post, "/api/admin/reindex", ("Sec-Fetch-Site", "same-origin"));
            Assert.Equal(HttpStatusCode.Unauthorized, same);
        }
        finally
        {
            await StopAsync(app, client);
        }
    }

    [Fact]
    public async Task AllowAnonymousFalse_AnonymousIs401_PageInChinese_ProbesOpen()
    {
        var (app, client, reader, _) = await StartAsync("--Xiqing:Auth:AllowAnonymous=false");
        try
        {
            var (api, body) = await SendAsync(client, HttpMethod.Get, "/api/search?q=发展");
            Assert.Equal(HttpStatusCode.Unauthorized, api);
            Assert.Equal(ServerProblems.SignInRequired, body.GetProperty("error").GetProperty("code").GetString());

            using var page = new HttpRequestMessage(HttpMethod.Get, "/");
            page.Headers.Accept.ParseAdd("text/html");
            using var pageResponse = await client.SendAsync(page);
            Assert.Equal(HttpStatusCode.Unauthorized, pageResponse.StatusCode);
            Assert.StartsWith("text/html", pageResponse.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            Assert.Contains("请先登录", await pageResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var (health, _) = await SendAsync(client, HttpMethod.Get, "/healthz");
            Assert.Equal(HttpStatusCode.OK, health);
            var (signedIn, _) = await SendAsync(client, HttpMethod.Get, "/api/search?q=发展", (SignInMiddleware.ApiKeyHeader, reader));
            Assert.Equal(HttpStatusCode.OK, signedIn);
        }
        finally
        {
            await StopAsync(app, client);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

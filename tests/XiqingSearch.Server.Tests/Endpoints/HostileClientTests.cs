using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Problems;
using XiqingSearch.Server.Endpoints;
using XiqingSearch.Server.Hosting;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary>
/// The server tried the way an attacker or an unlucky operator would: overlapping reindexes, cache-busting
/// parameters, repeated parameters, key guessing, costly queries, a bad seed appearing under a good index.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HostileClientTests(ServerFixture server)
{
    private const string Park = "天开西青园";

    [Fact]
    public async Task ConcurrentReindexes_OneBuildsTheOthersGet409WithItsId_NeverA500()
    {
        var statuses = new List<(HttpStatusCode Status, string Body, string? Build)>();
        for (var round = 0; round < 3; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
                request.Headers.Add(AdminEndpoints.KeyHeader, ServerFixture.AdminKey);
                using var response = await server.Client.SendAsync(request);
                var build = response.Headers.TryGetValues(AdminEndpoints.BuildHeader, out var ids) ? ids.Single() : null;
                return (response.StatusCode, await response.Content.ReadAsStringAsync(), build);
            }));
            statuses.AddRange(answers);
            Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        }

        Assert.All(statuses, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{a.Status}: {a.Body}"));
        foreach (var (status, body, build) in statuses.Where(a => a.Status == HttpStatusCode.Conflict))
        {
            var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
            Assert.Equal(ProblemCodes.IndexBusy, error.GetProperty("code").GetString());
            // The id of the build that is running, the one whose 200 carries the same id in its header.
            var running = error.GetProperty("buildId").GetString();
            Assert.Equal(running, build);
            Assert.Contains(statuses, a => a.Status == HttpStatusCode.OK && a.Build == running);
        }
        var search = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(Park));
        Assert.Equal(8, search.GetProperty("totalOccurrences").GetInt32());
    }

    [Fact]
    public async Task Cache_KeyedOnTheNormalisedRequest_AndBoundedByBytes()
    {
        var (app, client) = await ServerFixture.StartAsync(server.Options, "--Xiqing:SearchCacheMegabytes=1");
        try
        {
            var cache = app.Services.GetRequiredService<SearchCache>();
            var q = Uri.EscapeDataString("发展");
            // Unknown parameters and parameter order make no new entries.
            for (var i = 0; i < 20; i++)
            {
                await GetOkAsync(client, $"/api/search?q={q}&_={i}&year=2023&year=2024&limit=5");
                await GetOkAsync(client, $"/api/search?limit=5&year=2024&year=2023&q={q}&cb={i}");
            }
            Assert.Equal(1, cache.Count);

            // Cache-busting through real parameters: memory stays under the bound however many there are.
            for (var offset = 0; offset < 60; offset++)
            {
                await GetOkAsync(client, $"/api/search?q={Uri.EscapeDataString("的")}&limit=100&offset={offset}");
                Assert.InRange(cache.Bytes, 1, 1024 * 1024);
            }
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task RepeatedQ_Is400NamingQ_AndBadKindNamesKind()
    {
        var repeated = await ErrorAsync(server.Client, $"/api/search?q={Uri.EscapeDataString(Park)}&q=x", HttpStatusCode.BadRequest);
        Assert.Equal("q", repeated.GetProperty("parameter").GetString());

        var kind = await ErrorAsync(server.Client, $"/api/search?q={Uri.EscapeDataString(Park)}&kind=x", HttpStatusCode.BadRequest);
        Assert.Equal(ProblemCodes.BadParameter, kind.GetProperty("code").GetString());
        Assert.Equal("kind", kind.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/api/search?q=%E5%A4%A9%E5%BC%80")]
    [InlineData("/api/search?q=%22")]
    [InlineData("/healthz")]
    [InlineData("/api/documents")]
    [InlineData("/no-such-page")]
    [InlineData("/")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", ServerFixture.PortalOrigin);
        using var response = await server.Client.SendAsync(request);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self' " + ServerFixture.PortalOrigin, csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Fact]
    public async Task AdminKeyGuessing_IsRateLimited_AndSearchWhenConfigured()
    {
        var (app, client) = await ServerFixture.StartAsync(server.Options,
            "--Xiqing:AdminKey=" + ServerFixture.AdminKey, "--Xiqing:RateLimit:AdminPerMinute=3",
            "--Xiqing:RateLimit:SearchPerMinute=5");
        try
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 6; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
                request.Headers.Add(AdminEndpoints.KeyHeader, "guess-" + i);
                using var response = await client.SendAsync(request);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
                    Assert.Equal(ServerProblems.RateLimited, error.GetProperty("code").GetString());
                }
            }
            Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);

            var searches = new List<HttpStatusCode>();
            for (var i = 0; i < 7; i++)
            {
                using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(Park));
                searches.Add(response.StatusCode);
            }
            Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)], searches);
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task CostlyQueries_AreRefusedOrStopped_WithAClearProblem()
    {
        // 70 single-character alternatives: more clauses than the default limit of 64.
        var many = string.Join(" OR ", "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质".Take(70).Select(c => c.ToString()));
        var tooMany = await ErrorAsync(server.Client, "/api/search?q=" + Uri.EscapeDataString(many), HttpStatusCode.BadRequest);
        Assert.Equal(ProblemCodes.QueryTooManyClauses, tooMany.GetProperty("code").GetString());
        Assert.Equal(1, tooMany.GetProperty("position").GetInt32());

        // A budget of (almost) nothing: every search runs out of it, and says so instead of holding a worker.
        var (app, client) = await ServerFixture.StartAsync(server.Options, "--Xiqing:Query:TimeoutSeconds=0.000001");
        try
        {
            var timeout = await ErrorAsync(client, "/api/search?q=" + Uri.EscapeDataString("的"), HttpStatusCode.ServiceUnavailable);
            Assert.Equal(ProblemCodes.SearchTimeout, timeout.GetProperty("code").GetString());
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task BadSeedUnderAGoodIndex_ServesWarnsIn_Readyz_422OnReindex_AndPicksUpTheFix()
    {
        var root = Path.Combine(Path.GetTempPath(), "xiqing-bad-seed-" + Guid.NewGuid().ToString("N")[..12]);
        var seeds = Path.Combine(root, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.GetFiles(Path.Combine(ServerFixture.RepositoryRoot(), "seeds")))
        {
            var copy = Path.Combine(seeds, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetAttributes(copy, FileAttributes.Normal);
        }
        var options = new IndexOptions { IndexDirectory = Path.Combine(root, "index"), SeedsDirectory = seeds };
        IndexBuilder.Build(options).ValueOrThrow();
        // The seeds are moved away and a file that is no text left in their place: nothing can be read, so the
        // rebuild the server tries at start is refused (a bad file beside good ones is only skipped).
        var away = Path.Combine(root, "away");
        Directory.Move(seeds, away);
        Directory.CreateDirectory(seeds);
        var bad = Path.Combine(seeds, "blob.txt");
        File.WriteAllBytes(bad, [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);

        (WebApplication App, HttpClient Client)? started = null;
        try
        {
            started = await ServerFixture.StartAsync(options, "--Xiqing:AdminKey=" + ServerFixture.AdminKey);
            var client = started.Value.Client;
            // The last good commit serves at once while the start-up rebuild runs behind it; its refusal then
            // shows in /readyz.
            var ready = await GetJsonAsync(client, "/readyz");
            for (var i = 0; i < 600 && !ready.TryGetProperty("rebuildRefused", out _); i++)
            {
                await Task.Delay(100);
                ready = await GetJsonAsync(client, "/readyz");
            }
            // The probe tells the refused rebuild by its code only: it names no file.
            Assert.Equal(ProblemCodes.SeedsFolderEmpty, ready.GetProperty("rebuildRefused")[0].GetString());
            Assert.DoesNotContain("blob.txt", ready.ToString(), StringComparison.Ordinal);
            Assert.Equal(8, (await GetJsonAsync(client, "/api/search?q=" + Uri.EscapeDataString(Park))).GetProperty("totalOccurrences").GetInt32());

            var refused = await PostReindexAsync(client, HttpStatusCode.UnprocessableEntity);
            Assert.Equal(ProblemCodes.SeedsFolderEmpty, refused.GetProperty("error").GetProperty("code").GetString());

            Directory.Delete(seeds, recursive: true);
            Directory.Move(away, seeds);
            await PostReindexAsync(client, HttpStatusCode.OK);
            ready = await GetJsonAsync(client, "/readyz");
            Assert.False(ready.TryGetProperty("rebuildRefused", out _), ready.ToString());
        }
        finally
        {
            if (started is { } s)
            {
                s.Client.Dispose();
                await s.App.StopAsync();
                await s.App.DisposeAsync();
            }
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<JsonElement> PostReindexAsync(HttpClient client, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
        request.Headers.Add(AdminEndpoints.KeyHeader, ServerFixture.AdminKey);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task GetOkAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> ErrorAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("error").Clone();
    }
}

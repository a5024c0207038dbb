using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Testing;

namespace XiqingSearch.Server.Tests.Auth;

/// <summary>
/// Servers for the leak property over HTTP: the seeds with restricted documents, served in header mode trusting
/// this machine's loopback address, and the same index trusting another address only; and servers over indexes
/// built without the documents each caller may not see (no access rules), answering anyone.
/// </summary>
public sealed partial class AccessServersFixture : IAsyncLifetime
{
    internal AccessCorpus Corpus { get; } = new();

    public WebApplication Restricted { get; private set; } = null!;

    public HttpClient RestrictedClient { get; private set; } = null!;

    public HttpClient UntrustedClient { get; private set; } = null!;

    public HttpClient WithoutBothClient { get; private set; } = null!;

    public HttpClient WithoutDocumentDocClient { get; private set; } = null!;

    private readonly List<WebApplication> _apps = [];

    public async Task InitializeAsync()
    {
        var full = Build("full", Corpus.Full);
        (Restricted, RestrictedClient) = await ServerFixture.StartAsync(full, "--Xiqing:Auth:Mode=header", "--Xiqing:Auth:TrustedProxies=127.0.0.1");
        _apps.Add(Restricted);
        UntrustedClient = await Start(full, "--Xiqing:Auth:Mode=header", "--Xiqing:Auth:TrustedProxies=10.11.12.13");
        WithoutBothClient = await Start(Build("without-both", Corpus.WithoutBoth));
        WithoutDocumentDocClient = await Start(Build("without-document-doc", Corpus.WithoutDocumentDoc));
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Corpus.Dispose();
    }

    private IndexOptions Build(string name, string seeds)
    {
        var options = new IndexOptions { IndexDirectory = Corpus.IndexFolder(name), SeedsDirectory = seeds };
        IndexBuilder.Build(options).ValueOrThrow();
        return options;
    }

    private async Task<HttpClient> Start(IndexOptions options, params string[] args)
    {
        var (app, client) = await ServerFixture.StartAsync(options, args);
        _apps.Add(app);
        return client;
    }
}

/// <summary>
/// The leak property over every route the server maps (read from its endpoint data, so a new route without a
/// sample here fails): for an anonymous caller, a caller in a group and one outside it, each answer (status, type,
/// body without timings and scores, hits as a set) equals the answer of a server over an index built without the
/// documents the caller may not see. Headers from an address that is not a trusted proxy are ignored.
/// </summary>
public sealed partial class AccessHttpTests(AccessServersFixture servers) : IClassFixture<AccessServersFixture>
{
    private const string Hidden = AccessCorpus.FolderDoc;
    private const string Kept = AccessCorpus.DocumentDoc;

    public static TheoryData<string> Callers => ["anonymous", "outsider", "insider"];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryRoute_HeaderCaller_AnswersAsIndexWithoutHiddenDocuments(string who)
    {
        var (headers, reference) = who switch
        {
            "anonymous" => ([], servers.WithoutBothClient),
            "outsider" => (Headers("王五", "other,%E8%B4%A2%E5%8A%A1%E7%A7%91"), servers.WithoutBothClient),
            // 规划科, percent-encoded UTF-8 as a proxy passes it.
            _ => (Headers("张三", "someone-else, %E8%A7%84%E5%88%92%E7%A7%91"), servers.WithoutDocumentDocClient),
        };
        var compared = await CompareEveryRoute(servers.RestrictedClient, headers, reference);
        Assert.True(compared > 60, $"only {compared} requests compared");
    }

    [Fact]
    public async Task EveryRoute_HeadersFromUntrustedAddress_AreIgnored()
    {
        var compared = await CompareEveryRoute(servers.UntrustedClient, Headers("张三", "%E8%A7%84%E5%88%92%E7%A7%91,xq-planning"),
            servers.WithoutBothClient);
        Assert.True(compared > 60, $"only {compared} requests compared");
    }

    [Fact]
    public async Task Search_InsiderAndAnonymous_DifferOnlyByTheHiddenDocument()
    {
        // The comparison above holds trivially if the rules hid nothing, or everything: check the two callers differ.
        using var anonymous = await Send(servers.RestrictedClient, HttpMethod.Get, "/api/documents", []);
        using var insider = await Send(servers.RestrictedClient, HttpMethod.Get, "/api/documents", Headers("张三", "%E8%A7%84%E5%88%92%E7%A7%91"));
        var anonymousBody = await anonymous.Content.ReadAsStringAsync();
        var insiderBody = await insider.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Hidden, anonymousBody, StringComparison.Ordinal);
        Assert.Contains(Hidden, insiderBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Kept, insiderBody, StringComparison.Ordinal);
        using var original = await Send(servers.RestrictedClient, HttpMethod.Get, "/api/documents/" + Hidden + "/original", Headers("张三", "%E8%A7%84%E5%88%92%E7%A7%91"));
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
    }

    private static Dictionary<string, string> Headers(string user, string groups) => new()
    {
        ["X-Remote-User"] = Uri.EscapeDataString(user),
        ["X-Remote-Groups"] = groups,
    };

    private async Task<int> CompareEveryRoute(HttpClient server, Dictionary<string, string> headers, HttpClient reference)
    {
        var endpoints = servers.Restricted.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/search");
        var compared = 0;
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var method = methods.Contains("GET") ? HttpMethod.Get : new HttpMethod(methods[0]);
            if (endpoint.RoutePattern.RawText is "/api/me" or "/api/admin/reindex")
            {
                // Who the caller is and what they may administer, not what the index holds: these answer by the
                // caller the headers gave (checked in the sign-in tests: SignInTests, AdminEndpointsTests), so
                // they must differ from the reference's, which is asked by nobody.
                continue;
            }
            foreach (var url in Samples(endpoint.RoutePattern.RawText!))
            {
                using var got = await Send(server, method, url, headers);
                using var want = await Send(reference, method, url, []);
                Assert.True(want.StatusCode == got.StatusCode, $"{method} {url}: {(int)want.StatusCode} expected, {(int)got.StatusCode} got: {await got.Content.ReadAsStringAsync()}");
                Assert.Equal(want.Content.Headers.ContentType?.ToString(), got.Content.Headers.ContentType?.ToString());
                var expected = Normalize(await want.Content.ReadAsStringAsync(), want.Content.Headers.ContentType?.MediaType);
                var actual = Normalize(await got.Content.ReadAsStringAsync(), got.Content.Headers.ContentType?.MediaType);
                Assert.True(expected == actual, $"{method} {url}:\nexpected {Cut(expected)}\ngot      {Cut(actual)}");
                compared++;
            }
        }
        return compared;
    }

    private static string Cut(string text) => text.Length > 800 ? text[..800] + "…" : text;

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, Dictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Requests for each route pattern; a pattern without samples fails the test, so no route is left out.</summary>
    private static IEnumerable<string> Samples(string pattern)
    {
        string[] phrases = ["发展", "西青", "天开西青园", "高质量发展", "产业链", "十四五", "2023年", "科技创新"];
        var docs = new[] { Hidden, Kept, "000_313d8db390bab93c", "missing" };
        var escaped = docs.Select(Uri.EscapeDataString).ToArray();
        return pattern switch
        {
            "/api/search" =>
            [
                .. phrases.SelectMany(p => new[]
                {
                    $"/api/search?q={Uri.EscapeDataString(p)}&limit=100",
                    $"/api/search?q={Uri.EscapeDataString(p)}&sort=document&limit=5&offset=3",
                    $"/api/search?q={Uri.EscapeDataString(p)}&format=csv",
                    $"/api/search?q={Uri.EscapeDataString(p + "鑫")}",
                }),
                .. escaped.Select(d => $"/api/search?q=%E5%8F%91%E5%B1%95&doc={d}&limit=100"),
                "/api/search?q=%E5%8F%91%E5%B1%95&year=2021&topic=%E7%A7%91%E6%8A%80%E5%88%9B%E6%96%B0",
                $"/api/search?q=doc%3A{Uri.EscapeDataString(Kept)}%20%E5%8F%91%E5%B1%95&limit=100",
            ],
            "/api/suggest" => [.. phrases.SelectMany(p => new[] { $"/api/suggest?q={Uri.EscapeDataString(p[..1])}&limit=50", $"/api/suggest?q={Uri.EscapeDataString(p[..2])}&limit=50" })],
            "/api/compare" => ["/api/compare?" + string.Join('&', phrases.Select(p => "q=" + Uri.EscapeDataString(p))), "/api/compare?q=%E5%8F%91%E5%B1%95&multiYear=own"],
            "/api/new-terms" => [.. Enumerable.Range(2019, 8).Select(y => $"/api/new-terms?year={y}&limit=30")],
            "/api/documents/{doc}" => [.. escaped.Select(d => $"/api/documents/{d}?q=%E5%8F%91%E5%B1%95")],
            "/api/documents/{doc}/paragraphs/{n}" => [.. escaped.SelectMany(d => new[] { $"/api/documents/{d}/paragraphs/1", $"/api/documents/{d}/paragraphs/99999" })],
            "/api/documents/{doc}/original" => [.. escaped.Select(d => $"/api/documents/{d}/original")],
            "/api/documents/{doc}/outline" => [.. escaped.Select(d => $"/api/documents/{d}/outline"), $"/api/documents/{Hidden}/outline"],
            "/api/documents/{first}/{**rest}" => [$"/api/documents/{Hidden}", $"/api/documents/{Hidden}/paragraphs/2?context=3", $"/api/documents/{Hidden}/original", "/api/documents/internal/missing"],
            "/openapi/{documentName}.json" => ["/openapi/v1.json"],
            _ when pattern.Contains('{', StringComparison.Ordinal) && pattern.Contains("path", StringComparison.Ordinal) => ["/api/no-such-route", "/no-such-page"],
            _ when !pattern.Contains('{', StringComparison.Ordinal) => [pattern],
            _ => throw new Xunit.Sdk.XunitException($"No sample requests for the route {pattern}: add them, so its answers are checked for leaks."),
        };
    }

    /// <summary>A body without what differs between two servers whatever they hold: timings, ranking scores, the generation.</summary>
    private static string Normalize(string body, string? mediaType)
    {
        if (mediaType == "application/json" && body.Length > 0 && JsonNode.Parse(body) is { } node)
        {
            Strip(node);
            return node.ToJsonString();
        }
        if (mediaType == "text/csv")
        {
            // Rows in relevance order: compared as a set.
            return string.Join('\n', body.Split('\n').Order(StringComparer.Ordinal));
        }
        return NonceText().Replace(body, "nonce");
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in new[] { "tookMs", "score", "generation", "servers" })
                {
                    obj.Remove(name);
                }
                if (obj["hits"] is JsonArray hits)
                {
                    var sorted = hits.Select(h => h!.DeepClone()).OrderBy(h => h["id"]?.ToJsonString(), StringComparer.Ordinal).ToList();
                    hits.Clear();
                    sorted.ForEach(hits.Add);
                }
                foreach (var (_, child) in obj.ToList())
                {
                    Strip(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }
                break;
        }
    }

    [GeneratedRegex("nonce-[A-Za-z0-9+/=_-]+|nonce=\"[^\"]*\"")]
    private static partial Regex NonceText();
}

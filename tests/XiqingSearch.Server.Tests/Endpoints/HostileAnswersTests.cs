using System.Net;
using System.Text.Json;
using XiqingSearch.Server.Endpoints;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary>
/// Heavy answers and clients behind a proxy: a document answer past its size limit, the costly routes past their
/// time budget, admin key guessing by one client behind a trusted proxy.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HostileAnswersTests(ServerFixture server)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(HttpClient client,
        HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body, response);
    }

    private static HttpRequestMessage Reindex(string key, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
        request.Headers.Add(AdminEndpoints.KeyHeader, key);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    [Fact]
    public async Task AdminKeyGuessing_BehindTrustedProxy_LocksOutOnlyThatClient()
    {
        var (app, client) = await ServerFixture.StartAsync(server.Options,
            "--Xiqing:AdminKey=" + ServerFixture.AdminKey, "--Xiqing:RateLimit:AdminPerMinute=3",
            "--Xiqing:Auth:TrustedProxies=127.0.0.1");
        try
        {
            var guesser = new List<HttpStatusCode>();
            for (var i = 0; i < 5; i++)
            {
                // A client may write anything at the left of the header; the proxy appends the address it saw.
                using var request = Reindex("guess-" + i, "198.51.100.1, 203.0.113.7");
                guesser.Add((await GetAsync(client, request)).Status);
            }
            using var other = Reindex("typo", "203.0.113.8");
            var (status, body, response) = await GetAsync(client, other);
            response.Dispose();

            Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)], guesser);
            // Another client behind the same proxy is not locked out: its own (wrong) key is checked.
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal(ServerProblems.AdminUnauthorized, body.GetProperty("error").GetProperty("code").GetString());
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task AdminKeyGuessing_ForwardedByUntrustedAddress_IsKeyedByTheConnection()
    {
        var (app, client) = await ServerFixture.StartAsync(server.Options,
            "--Xiqing:AdminKey=" + ServerFixture.AdminKey, "--Xiqing:RateLimit:AdminPerMinute=2");
        try
        {
            // No trusted proxy: a client cannot escape its limit by inventing X-Forwarded-For addresses.
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++)
            {
                using var request = Reindex("guess", "203.0.113." + i);
                statuses.Add((await GetAsync(client, request)).Status);
            }
            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Document_OverAnswerLimit_Is413NamingTheLimit_ParagraphsStillServed()
    {
        var (app, client) = await ServerFixture.StartAsync(server.Options, "--Xiqing:Answers:MaxDocumentCharacters=1000");
        try
        {
            var doc = JsonDocument.Parse(await client.GetStringAsync("/api/documents")).RootElement[0].GetProperty("doc").GetString()!;
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/documents/{doc}?q=" + Uri.EscapeDataString("发展"));
            var (status, body, response) = await GetAsync(client, request);
            response.Dispose();
            using var paragraph = await client.GetAsync($"/api/documents/{doc}/paragraphs/1");

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
            var error = body.GetProperty("error");
            Assert.Equal(ServerProblems.AnswerTooLarge, error.GetProperty("code").GetString());
            Assert.Equal("1000", error.GetProperty("arguments").GetProperty("limit").GetString());
            Assert.Equal(HttpStatusCode.OK, paragraph.StatusCode);
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/api/new-terms?year=2024")]
    [InlineData("/api/compare?q=%E5%8F%91%E5%B1%95&q=%E5%88%9B%E6%96%B0")]
    public async Task CostlyRoute_PastTheTimeBudget_Is503TimeoutWithRetryAfter(string url)
    {
        var (app, client) = await ServerFixture.StartAsync(server.Options, "--Xiqing:Query:TimeoutSeconds=0.000001");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            var (status, body, response) = await GetAsync(client, request);
            using (response)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                Assert.Equal("search.timeout", body.GetProperty("error").GetProperty("code").GetString());
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

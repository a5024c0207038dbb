using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using XiqingSearch.Server.Endpoints;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Tests.Endpoints;

[Collection(ServerCollection.Name)]
public sealed class AdminEndpointsTests(ServerFixture server)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Reindex_WithoutTheKey_Returns401(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
        if (key is not null)
        {
            request.Headers.Add(AdminEndpoints.KeyHeader, key);
        }
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(ServerProblems.AdminUnauthorized, error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reindex_NoKeyConfigured_IsOff()
    {
        var (app, client) = await ServerFixture.StartAsync(server.Options);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
            request.Headers.Add(AdminEndpoints.KeyHeader, ServerFixture.AdminKey);
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
            Assert.Equal(ServerProblems.AdminDisabled, error.GetProperty("code").GetString());
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reindex_WhileSearchesRun_NoRequestFails()
    {
        // Varied queries and pages so that most requests miss the response cache and really search while the
        // rebuild commits and the engine switches.
        string[] queries = ["天开西青园", "发展", "西青", "产业", "\"高质量发展\"", "创新 OR 科技", "教育", "生态"];
        var failures = new ConcurrentBag<string>();
        var counts = new ConcurrentBag<int>();
        var done = 0;
        using var stop = new CancellationTokenSource();

        async Task LoopAsync(int worker)
        {
            var i = worker;
            while (!stop.IsCancellationRequested)
            {
                var q = queries[i % queries.Length];
                var url = $"/api/search?q={Uri.EscapeDataString(q)}&offset={i / queries.Length % 5}&limit={1 + i % 7}";
                i += 4;
                try
                {
                    using var response = await server.Client.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        failures.Add($"{url} → {(int)response.StatusCode} {body}");
                    }
                    else if (q == "天开西青园")
                    {
                        counts.Add(JsonDocument.Parse(body).RootElement.GetProperty("totalOccurrences").GetInt32());
                    }
                    Interlocked.Increment(ref done);
                }
                catch (HttpRequestException e)
                {
                    failures.Add($"{url} → {e.Message}");
                }
            }
        }

        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() => LoopAsync(w))).ToArray();
        // Every reindex happens while requests are running: wait for fresh answers before and after each one
        // (progress, not a clock, so a slow machine cannot make the test race its workers).
        async Task MoreRequestsAsync()
        {
            var target = Volatile.Read(ref done) + 20;
            while (Volatile.Read(ref done) < target && failures.IsEmpty && !workers.All(w => w.IsCompleted))
            {
                await Task.Delay(5);
            }
        }

        await MoreRequestsAsync();
        for (var round = 0; round < 2; round++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
            request.Headers.Add(AdminEndpoints.KeyHeader, ServerFixture.AdminKey);
            using var response = await server.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("paragraphs").GetInt32() > 0);
            await MoreRequestsAsync();
        }
        stop.Cancel();
        await Task.WhenAll(workers);

        Assert.Empty(failures);
        Assert.True(done >= 60, $"only {done} requests ran");
        Assert.All(counts, c => Assert.Equal(8, c));
        var ready = await server.GetJsonAsync("/readyz");
        Assert.True(ready.GetProperty("generation").GetInt64() > 1);
    }
}

using System.Net;
using System.Text.Json;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// <c>/readyz</c> of a real <c>xiqing serve</c> process over a built index: not ready (503 <c>server.not-ready</c>)
/// until the engine can answer, then ready, and the search sent the moment it says so answers exactly as the
/// command line does on the same index.
/// </summary>
public sealed class ServeReadyTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Fact]
    public async Task Serve_BuiltIndex_ReadyzNotReadyThenReady_AndTheFirstSearchAnswersAsTheCommandLine()
    {
        Assert.Equal(0, _corpus.Run("index").ExitCode);
        var phrases = new[] { "发展", "天开西青园" };
        var expected = phrases.ToDictionary(p => p, p => JsonDocument.Parse(_corpus.Run("search", p, "--format", "json").Stdout).RootElement.Clone());

        // A bound longer than any warm-up: ready then means warmed up, and the probe sees the not-ready phase,
        // which lasts at least the warm-up's rounds and their pauses after the server listens.
        using var server = HostileServeTests.ServeProcess.Start(_corpus.Root, "--Xiqing:WarmUpSeconds=120");
        var notReady = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "/readyz did not say ready within 3 minutes");
            HttpResponseMessage probe;
            try
            {
                probe = await server.Http.GetAsync("/readyz");
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
                await Task.Delay(10);
                continue;
            }
            using (probe)
            {
                var body = JsonDocument.Parse(await probe.Content.ReadAsStringAsync()).RootElement;
                if (probe.StatusCode == HttpStatusCode.OK)
                {
                    Assert.Equal("ready", body.GetProperty("status").GetString());
                    Assert.True(body.GetProperty("documents").GetInt32() > 0, body.ToString());
                    break;
                }
                Assert.Equal(HttpStatusCode.ServiceUnavailable, probe.StatusCode);
                Assert.Equal("server.not-ready", body.GetProperty("error").GetProperty("code").GetString());
                notReady++;
            }
        }

        // Right after ready: the same hits, counts and facets as the command line's own engine.
        foreach (var phrase in phrases)
        {
            using var search = await server.Http.GetAsync("/api/search?q=" + Uri.EscapeDataString(phrase));
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            var answer = JsonDocument.Parse(await search.Content.ReadAsStringAsync()).RootElement;
            var cli = expected[phrase];
            Assert.True(cli.GetProperty("totalHits").GetInt32() > 0, phrase);
            Assert.Equal(cli.GetProperty("totalHits").GetInt32(), answer.GetProperty("totalHits").GetInt32());
            Assert.Equal(cli.GetProperty("totalOccurrences").GetInt32(), answer.GetProperty("totalOccurrences").GetInt32());
            Assert.Equal(Places(cli), Places(answer));
            // Compared written the same way: the command line indents its JSON.
            Assert.Equal(JsonSerializer.Serialize(cli.GetProperty("facets")), JsonSerializer.Serialize(answer.GetProperty("facets")));
        }
        Assert.True(notReady > 0, "/readyz never said not ready: it was ready before the engine had warmed up");
    }

    private static List<string> Places(JsonElement response) =>
        [.. response.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("doc").GetString() + "#" + h.GetProperty("paragraph").GetInt32())];

    public void Dispose() => _corpus.Dispose();
}

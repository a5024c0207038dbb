using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary><c>xiqing serve</c> starts the real HTTP server over the built index.</summary>
public sealed class ServeCommandTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    [Fact]
    public async Task Serve_BuiltIndex_AnswersSearchOverHttp()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = fixture.Corpus.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliRunner.XiqingDll, "serve", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var url = $"http://127.0.0.1:{port}/api/search?q={Uri.EscapeDataString("天开西青园")}";
            string? body = null;
            for (var attempt = 0; attempt < 120 && body is null && !process.HasExited; attempt++)
            {
                try
                {
                    using var response = await http.GetAsync(url);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    body = await response.Content.ReadAsStringAsync();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or the first (JIT-cold) answer is slower than the client's timeout.
                    await Task.Delay(500);
                }
            }
            Assert.NotNull(body);
            Assert.Contains("\"totalHits\":", body);
            Assert.Contains("天开西青园", body);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    [Fact]
    public async Task Serve_WarmUpStillRunning_AnswersReadyAndSearchesAsAfterIt()
    {
        // No wait for the warm-up: ready as soon as the index is open, the warm-up running in the background.
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = fixture.Corpus.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliRunner.XiqingDll, "serve", "--urls", $"http://127.0.0.1:{port}", "--Xiqing:WarmUpSeconds=0",
            "--Xiqing:SearchCacheMegabytes=0" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var search = "/api/search?q=" + Uri.EscapeDataString("\"天开西青园\"") + "&limit=5";
            JsonElement? ready = null;
            for (var attempt = 0; attempt < 6000 && ready is null && !process.HasExited; attempt++)
            {
                try
                {
                    using var response = await http.GetAsync("/readyz");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(20);
            }
            Assert.NotNull(ready);
            Assert.True(WarmingUp(ready.Value), "ready while the warm-up runs: " + ready);
            var during = await AnswerAsync(http, search);
            // The warm-up (rounds with pauses between them) was still running after that search.
            Assert.True(WarmingUp(await ReadyAsync(http)), "the warm-up ended before the search was answered");

            var warm = false;
            for (var attempt = 0; attempt < 1200 && !warm; attempt++)
            {
                warm = !WarmingUp(await ReadyAsync(http));
                if (!warm)
                {
                    await Task.Delay(100);
                }
            }
            Assert.True(warm, "the warm-up did not end");
            var after = await AnswerAsync(http, search);

            Assert.True(during.GetProperty("totalHits").GetInt32() > 0);
            Assert.Equal(after.ToString(), during.ToString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static bool WarmingUp(JsonElement ready) =>
        ready.TryGetProperty("warmingUp", out var warming) && warming.GetBoolean();

    private static async Task<JsonElement> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>A search's answer without its timing (<c>tookMs</c>), the one part that may differ between two runs.</summary>
    private static async Task<JsonElement> AnswerAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var answer = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        answer.Remove("tookMs");
        return JsonDocument.Parse(answer.ToJsonString()).RootElement.Clone();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

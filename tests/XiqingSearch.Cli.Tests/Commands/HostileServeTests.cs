using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using XiqingSearch.Testing;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// <c>xiqing serve</c> as a process against hostile loads: a stale index with a slow document (the server must
/// listen at once and rebuild behind the last good commit), and exports past their size limit or full of
/// formula-like text.
/// </summary>
public sealed class HostileServeTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Fact]
    public async Task Serve_StaleIndexWithSlowDocument_ListensAtOnceAndRebuildsBehindLastGoodCommit()
    {
        Assert.Equal(0, _corpus.Run("index").ExitCode);
        // A document that takes the build seconds: the seeds, many times over, under a title with a year.
        var seeds = Directory.GetFiles(_corpus.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var slow = new StringBuilder("西青区2025年国民经济和社会发展规划\n\n");
        while (slow.Length < 600_000)
        {
            seeds.ForEach(s => slow.Append(s).Append("\n\n"));
        }
        File.WriteAllText(Path.Combine(_corpus.Seeds, "slow.txt"), slow.ToString(), new UTF8Encoding(false));

        using var server = ServeProcess.Start(_corpus.Root);
        var clock = Stopwatch.StartNew();
        var healthAt = await server.WaitForAsync("/healthz", TimeSpan.FromSeconds(60));
        var sawBuilding = false;
        JsonElement ready = default;
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            using var response = await server.Http.GetAsync("/readyz");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                if (body.TryGetProperty("building", out var building) && building.GetBoolean())
                {
                    // The last good commit serves while the rebuild runs, and the answer says how far it got.
                    sawBuilding = true;
                    Assert.True(body.TryGetProperty("progress", out _) || body.GetProperty("documents").GetInt32() > 0, body.ToString());
                    using var search = await server.Http.GetAsync("/api/search?q=" + Uri.EscapeDataString("天开西青园"));
                    Assert.Equal(HttpStatusCode.OK, search.StatusCode);
                }
                else if (sawBuilding)
                {
                    ready = body;
                    break;
                }
            }
            await Task.Delay(100);
        }

        Assert.True(sawBuilding, "/readyz never reported building: true; the index was built before the server listened");
        Assert.True(healthAt < TimeSpan.FromSeconds(30), $"/healthz first answered after {healthAt}");
        Assert.Equal(JsonValueKind.Object, ready.ValueKind);
        // The rebuilt commit serves the new document.
        var documents = await server.Http.GetStringAsync("/api/documents");
        Assert.Contains("\"doc\":\"slow\"", documents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ExportOverRowLimit_Is413NamingTheLimit_AndSmallExportOpensInCalcWithoutFormulas()
    {
        File.WriteAllText(Path.Combine(_corpus.Seeds, "hostile.txt"),
            "西青区2024年国民经济和社会发展规划\n\n=1+1 注入样例甲。\n\n+2+3 注入样例乙。\n\n-4+5 注入样例丙。\n\n@SUM(1,2) 注入样例丁。\n",
            new UTF8Encoding(false));
        Assert.Equal(0, _corpus.Run("index").ExitCode);
        using var server = ServeProcess.Start(_corpus.Root, "--Xiqing:Answers:MaxCsvRows=10");
        await server.WaitForAsync("/readyz", TimeSpan.FromMinutes(2));

        using var large = await server.Http.GetAsync("/api/search?format=csv&q=" + Uri.EscapeDataString("发展"));
        var problem = JsonDocument.Parse(await large.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("answer.too-large", problem.GetProperty("code").GetString());
        Assert.Equal("10", problem.GetProperty("arguments").GetProperty("limit").GetString());
        Assert.True(int.Parse(problem.GetProperty("arguments").GetProperty("rows").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 10);

        using var small = await server.Http.GetAsync("/api/search?format=csv&q=" + Uri.EscapeDataString("注入样例"));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        var file = Path.Combine(_corpus.Root, "export.csv");
        await File.WriteAllBytesAsync(file, await small.Content.ReadAsByteArrayAsync());
        var (formulas, texts) = SpreadsheetCheck.Open(file);
        Assert.Empty(formulas);
        Assert.Contains(texts, t => t.Contains("=1+1", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("@SUM(1,2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_CostlyRoutesPastMaxConcurrent_Are503WithRetryAfterWhileSearchAnswers()
    {
        Assert.Equal(0, _corpus.Run("index").ExitCode);
        using var server = ServeProcess.Start(_corpus.Root, "--Xiqing:Routes:MaxConcurrent=1", "--Xiqing:Query:TimeoutSeconds=120");
        await server.WaitForAsync("/readyz", TimeSpan.FromMinutes(2));

        using var search = await server.Http.GetAsync("/api/search?q=" + Uri.EscapeDataString("发展"));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        // Answers the server prepares ahead (a year's new terms, suggestions) take well under a millisecond, so a
        // burst may pass through one slot without two requests ever overlapping. Each burst asks for work that is
        // not prepared (new terms under a filter, comparisons of many phrases), with different parameters each so
        // that none is answered from the cache; bursts repeat until the slot was seen taken, a few at most.
        var words = "发展乡村数字创新经济社会建设改革开放区域协同生态环境科技产业城市服务".Select(c => c.ToString()).ToArray();
        var routes = new (string Route, Func<int, string> Url)[]
        {
            ("new-terms", i => $"/api/new-terms?year=2025&limit={1 + (i % 40)}&heading=" + Uri.EscapeDataString(words[i % words.Length])),
            ("compare", i => "/api/compare?" + string.Join('&', Enumerable.Range(0, 30).Select(k =>
                "q=" + Uri.EscapeDataString(words[(i + k) % words.Length] + words[(i * 7 + k) % words.Length])))),
        };
        foreach (var (route, url) in routes)
        {
            var refusedSeen = false;
            for (var burst = 0; burst < 5 && !refusedSeen; burst++)
            {
                var answers = await Task.WhenAll(Enumerable.Range(burst * 16, 16).Select(i => server.Http.GetAsync(url(i))));
                try
                {
                    // Whoever holds the slot answers; the others are refused at once, never queued.
                    Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{route}: {a.StatusCode}"));
                    Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
                    foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable))
                    {
                        refusedSeen = true;
                        Assert.NotNull(refused.Headers.RetryAfter);
                        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
                        Assert.Equal("server.busy", problem.GetProperty("code").GetString());
                    }
                }
                finally
                {
                    foreach (var answer in answers)
                    {
                        answer.Dispose();
                    }
                }
            }
            Assert.True(refusedSeen, $"{route}: no request was refused past Xiqing:Routes:MaxConcurrent=1 in five bursts of 16");
        }
    }

    [Fact]
    public async Task Serve_DocumentAnswerOverMaxDocumentCharacters_Is413AnswerTooLarge()
    {
        Assert.Equal(0, _corpus.Run("index").ExitCode);
        using var server = ServeProcess.Start(_corpus.Root, "--Xiqing:Answers:MaxDocumentCharacters=1000");
        await server.WaitForAsync("/readyz", TimeSpan.FromMinutes(2));
        var doc = Path.GetFileNameWithoutExtension(Directory.GetFiles(_corpus.Seeds, "*.txt").Order(StringComparer.Ordinal).First());
        Assert.True(new FileInfo(Path.Combine(_corpus.Seeds, doc + ".txt")).Length > 3000, "the seed is too short to pass the limit");

        using var whole = await server.Http.GetAsync($"/api/documents/{doc}?q=" + Uri.EscapeDataString("发展"));
        var problem = JsonDocument.Parse(await whole.Content.ReadAsStringAsync()).RootElement.GetProperty("error");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, whole.StatusCode);
        Assert.Equal("answer.too-large", problem.GetProperty("code").GetString());
        // One paragraph of the same document is still an answer.
        using var paragraph = await server.Http.GetAsync($"/api/documents/{doc}/paragraphs/1");
        Assert.Equal(HttpStatusCode.OK, paragraph.StatusCode);
    }

    public void Dispose() => _corpus.Dispose();

    /// <summary><c>xiqing serve</c> on a free loopback port, killed on dispose.</summary>
    internal sealed class ServeProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private ServeProcess(Process process, int port)
        {
            _process = process;
            Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        }

        public HttpClient Http { get; }

        public static ServeProcess Start(string root, params string[] args)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])[CliRunner.XiqingDll, "serve", "--urls", $"http://127.0.0.1:{port}", .. args])
            {
                start.ArgumentList.Add(arg);
            }
            var process = Process.Start(start)!;
            var server = new ServeProcess(process, port);
            process.OutputDataReceived += (_, e) => server.Log(e.Data);
            process.ErrorDataReceived += (_, e) => server.Log(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return server;
        }

        /// <summary>How long until <paramref name="path"/> first answered 200.</summary>
        public async Task<TimeSpan> WaitForAsync(string path, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit && !_process.HasExited)
            {
                try
                {
                    using var response = await Http.GetAsync(path);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return clock.Elapsed;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(50);
            }
            throw new TimeoutException($"{path} did not answer 200 within {limit}: {Output}");
        }

        private string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        private void Log(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        public void Dispose()
        {
            Http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.WaitForExit();
            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

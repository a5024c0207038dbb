using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// The CLI and HTTP apply one set of request rules (Core's <see cref="SearchLimits"/>): the same out-of-range value
/// is refused by both with the same problem code, each naming the parameter its own way, and a malformed query is
/// placed at the same column by the CLI's caret and HTTP's <c>offset</c>. Real processes: <c>xiqing search</c> /
/// <c>xiqing show</c> and <c>xiqing serve</c> over one built index.
/// </summary>
public sealed class RequestRulesTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    private const string Doc = "000_313d8db390bab93c";

    // Each value was accepted by one front end and refused by the other (or by neither) before the rules were one.
    public static TheoryData<string[], string, string> OutOfRange => new()
    {
        { ["search", "西青", "--limit", "0"], "/api/search?q=西青&limit=0", "limit" },
        { ["search", "西青", "--limit", "101"], "/api/search?q=西青&limit=101", "limit" },
        { ["search", "西青", "--offset", "10001"], "/api/search?q=西青&offset=10001", "offset" },
        { ["search", "西青", "--offset", "-1"], "/api/search?q=西青&offset=-1", "offset" },
        { ["search", "西青", "--year", "999"], "/api/search?q=西青&year=999", "year" },
        { ["search", "西青", "--year", "2024..12345"], "/api/search?q=西青&year=2024..12345", "year" },
        { ["show", Doc + "#1", "--context", "21"], $"/api/documents/{Doc}/paragraphs/1?context=21", "context" },
        { ["show", Doc + "#1", "--context", "-1"], $"/api/documents/{Doc}/paragraphs/1?context=-1", "context" },
        { ["compare", "西青", "--year", "10000"], "/api/compare?q=西青&year=10000", "year" },
    };

    [Fact]
    public async Task BothFrontEnds_RefuseTheSameValues_WithTheSameCode()
    {
        await using var server = await Server.StartAsync(fixture.Corpus.Root);
        var mismatches = new List<string>();
        foreach (var row in OutOfRange)
        {
            var (cliArgs, url, httpName) = ((string[])row[0], (string)row[1], (string)row[2]);
            var cli = fixture.Corpus.Run(cliArgs);
            var (status, error) = await server.GetErrorAsync(url);
            var cliCode = Code(cli.Stderr);
            var httpCode = error.GetProperty("code").GetString();
            if (cli.ExitCode != 2 || status != HttpStatusCode.BadRequest || cliCode != ProblemCodes.BadParameter
                || httpCode != ProblemCodes.BadParameter || error.GetProperty("parameter").GetString() != httpName
                || !cli.Stderr.Contains($"xiqing: --{httpName}: ", StringComparison.Ordinal))
            {
                mismatches.Add($"{string.Join(' ', cliArgs)} → exit {cli.ExitCode} {cliCode} ({cli.Stderr.Trim()}); {url} → {(int)status} {error}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task MalformedQuery_CaretAndHttpOffset_AreTheSameColumn()
    {
        string[] queries =
        [
            "year:2024 OR year:abc",
            "year:[2021 TO abc]",
            "kind:paragraph OR kind:rows",
            "a OR (b AND c",
            "a \"b c",
            "a AND OR b",
            "a OR foo:b",
            new string('x', SearchLimits.MaxQueryLength + 2),
        ];
        await using var server = await Server.StartAsync(fixture.Corpus.Root);
        foreach (var query in queries)
        {
            var cli = fixture.Corpus.Run("search", query);
            var (status, error) = await server.GetErrorAsync("/api/search?q=" + Uri.EscapeDataString(query));

            Assert.Equal(2, cli.ExitCode);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(error.GetProperty("code").GetString(), Code(cli.Stderr));
            Assert.Equal("q", error.GetProperty("parameter").GetString());
            // The queries are ASCII before the problem, so the caret's column is the UTF-16 offset.
            var lines = cli.Stderr.Split('\n');
            var caret = lines.Single(l => l.TrimStart().StartsWith('^')).IndexOf('^') - 2;
            Assert.Equal(error.GetProperty("offset").GetInt32(), caret);
            Assert.Equal(error.GetProperty("position").GetInt32(), caret + 1);
        }
        // The second year clause is the bad one: both put the problem under abc, not at column 1.
        var (_, second) = await server.GetErrorAsync("/api/search?q=" + Uri.EscapeDataString("year:2024 OR year:abc"));
        Assert.Equal("year:2024 OR year:".Length, second.GetProperty("offset").GetInt32());
        Assert.Equal(3, second.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task Export_LimitAndOffset_BoundOnlyTheView_InBothFrontEnds()
    {
        await using var server = await Server.StartAsync(fixture.Corpus.Root);
        var whole = fixture.Corpus.Run("search", "发展", "--format", "csv");
        var paged = fixture.Corpus.Run("search", "发展", "--format", "csv", "--limit", "1", "--offset", "3");
        var json = JsonDocument.Parse(fixture.Corpus.Run("search", "发展", "--format", "json", "--limit", "1", "--offset", "3").Stdout).RootElement;
        var (status, httpPaged) = await server.GetAsync("/api/search?format=csv&limit=1&offset=3&q=" + Uri.EscapeDataString("发展"));

        Assert.Equal(0, paged.ExitCode);
        Assert.Equal(HttpStatusCode.OK, status);
        // The view is one hit; the export every occurrence of every hit, as without a page, from both front ends.
        Assert.Equal(1, json.GetProperty("hits").GetArrayLength());
        Assert.Equal(whole.Stdout, paged.Stdout);
        Assert.Equal(Rows(whole.Stdout), Rows(httpPaged));
        Assert.Equal(json.GetProperty("totalOccurrences").GetInt32() + 1, Rows(paged.Stdout).Length);

        // The Word export too: a page asked for changes nothing in it.
        var docxWhole = Path.Combine(fixture.Corpus.Root, "whole.docx");
        var docxPaged = Path.Combine(fixture.Corpus.Root, "paged.docx");
        Assert.Equal(0, fixture.Corpus.Run("search", "天开西青园", "--format", "docx", "--output", docxWhole).ExitCode);
        Assert.Equal(0, fixture.Corpus.Run("search", "天开西青园", "--format", "docx", "--limit", "1", "--offset", "2", "--output", docxPaged).ExitCode);
        Assert.Equal(DocxText(docxWhole), DocxText(docxPaged));

        static string[] Rows(string csv) => csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        static string DocxText(string path)
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
            return reader.ReadToEnd();
        }
    }

    [Fact]
    public async Task EmptyQuery_IsQueryEmpty_WithOneMessage_InBothFrontEnds()
    {
        await using var server = await Server.StartAsync(fixture.Corpus.Root);
        var messages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in new[] { "", "   " })
        {
            var cli = fixture.Corpus.Run("search", query);
            Assert.Equal(2, cli.ExitCode);
            Assert.Equal(ProblemCodes.QueryEmpty, Code(cli.Stderr));
            messages.Add(Message(cli.Stderr));
        }
        foreach (var url in new[] { "/api/search", "/api/search?q=", "/api/search?q=%20%20%20", "/api/search?q=&format=csv" })
        {
            var (status, error) = await server.GetErrorAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(ProblemCodes.QueryEmpty, error.GetProperty("code").GetString());
            Assert.Equal("q", error.GetProperty("parameter").GetString());
            messages.Add(error.GetProperty("message").GetString()!);
        }
        Assert.Single(messages);
    }

    // Each value was refused by both, but worded three ways (System.CommandLine's list, the server's, Core's).
    public static TheoryData<string[], string, string> UnknownValues => new()
    {
        { ["search", "西青", "--type", "foo"], "/api/search?q=西青&type=foo", "type" },
        { ["search", "西青", "--kind", "rows"], "/api/search?q=西青&kind=rows", "kind" },
        { ["search", "西青", "--sort", "sideways"], "/api/search?q=西青&sort=sideways", "sort" },
        { ["search", "西青", "--limit", "ten"], "/api/search?q=西青&limit=ten", "limit" },
        { ["compare", "西青", "--multi-year", "sometimes"], "/api/compare?q=西青&multiYear=sometimes", "multiYear" },
        { ["compare", "西青", "--type", "foo"], "/api/compare?q=西青&type=foo", "type" },
        { ["new-terms", "--year", "2025", "--multi-year", "own"], "/api/new-terms?year=2025&multiYear=own", "multiYear" },
        { ["new-terms", "--year", "2025", "--kind", "rows"], "/api/new-terms?year=2025&kind=rows", "kind" },
        { ["new-terms", "--year", "2025", "--limit", "0"], "/api/new-terms?year=2025&limit=0", "limit" },
    };

    [Fact]
    public async Task UnknownValues_AreWordedOnceInCore_ForBothFrontEnds()
    {
        await using var server = await Server.StartAsync(fixture.Corpus.Root);
        var mismatches = new List<string>();
        foreach (var row in UnknownValues)
        {
            var (cliArgs, url, httpName) = ((string[])row[0], (string)row[1], (string)row[2]);
            var cli = fixture.Corpus.Run(cliArgs);
            var (status, error) = await server.GetErrorAsync(url);
            // The option given last is the bad one.
            var cliName = cliArgs[^2];
            // The same sentence from Core, each front end's name of the parameter in front.
            var cliMessage = Message(cli.Stderr);
            var httpMessage = error.GetProperty("message").GetString() ?? "";
            var prefix = $"Parameter '{httpName}': ";
            if (cli.ExitCode != 2 || status != HttpStatusCode.BadRequest || Code(cli.Stderr) != ProblemCodes.BadParameter
                || error.GetProperty("code").GetString() != ProblemCodes.BadParameter || error.GetProperty("parameter").GetString() != httpName
                || !cliMessage.StartsWith(cliName + ": ", StringComparison.Ordinal) || !httpMessage.StartsWith(prefix, StringComparison.Ordinal)
                || cliMessage[(cliName.Length + 2)..] != httpMessage[prefix.Length..])
            {
                mismatches.Add($"{string.Join(' ', cliArgs)} → exit {cli.ExitCode} ({cli.Stderr.Trim()}); {url} → {(int)status} {error}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task CompareAndNewTerms_TakeSearchFilters_TheSameInBothFrontEnds()
    {
        await using var server = await Server.StartAsync(fixture.Corpus.Root);
        // compare: every filter of search, from both front ends; each cell is what search counts with them.
        var compareCli = fixture.Corpus.Run("compare", "发展", "--kind", "paragraph", "--type", "work-report", "--chapter", "一", "--format", "json");
        var (compareStatus, compareHttp) = await server.GetAsync("/api/compare?q=" + Uri.EscapeDataString("发展") + "&kind=paragraph&type=work-report&heading=" + Uri.EscapeDataString("一"));
        Assert.Equal(0, compareCli.ExitCode);
        Assert.Equal(HttpStatusCode.OK, compareStatus);
        Assert.True(JsonDocument.Parse(compareCli.Stdout).RootElement.GetProperty("rows")[0].GetProperty("total").GetInt32() > 0);
        Assert.Equal(WithoutTime(compareCli.Stdout), WithoutTime(compareHttp));
        var search = JsonDocument.Parse(fixture.Corpus.Run("search", "发展", "--kind", "paragraph", "--type", "work-report", "--chapter", "一", "--format", "json").Stdout).RootElement;
        var row = JsonDocument.Parse(compareCli.Stdout).RootElement.GetProperty("rows")[0];
        Assert.Equal(search.GetProperty("totalOccurrences").GetInt32(), row.GetProperty("total").GetInt32());
        var unfiltered = JsonDocument.Parse(fixture.Corpus.Run("compare", "发展", "--format", "json").Stdout).RootElement.GetProperty("rows")[0];
        Assert.True(unfiltered.GetProperty("total").GetInt32() > row.GetProperty("total").GetInt32());

        // new-terms: the filters but the year (its subject); the terms come from the paragraphs they keep.
        var newCli = fixture.Corpus.Run("new-terms", "--year", "2025", "--kind", "heading", "--format", "json");
        var (newStatus, newHttp) = await server.GetAsync("/api/new-terms?year=2025&kind=heading");
        Assert.Equal(HttpStatusCode.OK, newStatus);
        Assert.Equal(WithoutTime(newCli.Stdout), WithoutTime(newHttp));
        var filtered = JsonDocument.Parse(newCli.Stdout).RootElement.GetProperty("appeared");
        var all = JsonDocument.Parse(fixture.Corpus.Run("new-terms", "--year", "2025", "--format", "json").Stdout).RootElement.GetProperty("appeared");
        Assert.NotEqual(Terms(all), Terms(filtered));
        // The default limit, declared once, holds in both.
        Assert.Equal(Core.Search.Analytics.NewTermsRequest.DefaultLimit, all.GetArrayLength());
        foreach (var term in filtered.EnumerateArray().Take(3))
        {
            var counted = JsonDocument.Parse(fixture.Corpus.Run("search", term.GetProperty("term").GetString()!, "--year", "2025", "--kind", "heading", "--format", "json").Stdout).RootElement;
            Assert.Equal(counted.GetProperty("totalOccurrences").GetInt32(), term.GetProperty("occurrences").GetInt32());
        }

        static string Terms(JsonElement list) => string.Join(",", list.EnumerateArray().Select(t => t.GetProperty("term").GetString()));

        static string WithoutTime(string json)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            node.Remove("tookMs");
            return node.ToJsonString();
        }
    }

    private static string Message(string stderr)
    {
        var line = stderr.Split('\n').FirstOrDefault(l => l.StartsWith("xiqing: ", StringComparison.Ordinal)) ?? "";
        var open = line.LastIndexOf(" [", StringComparison.Ordinal);
        return open < 0 ? line : line["xiqing: ".Length..open];
    }

    private static string? Code(string stderr)
    {
        var line = stderr.Split('\n').FirstOrDefault(l => l.StartsWith("xiqing: ", StringComparison.Ordinal)) ?? "";
        var open = line.LastIndexOf('[');
        return open < 0 || !line.EndsWith(']') ? null : line[(open + 1)..^1];
    }

    /// <summary>A real <c>xiqing serve</c> process on a free port.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

        private Server(Process process, string url)
        {
            _process = process;
            _http.BaseAddress = new Uri(url);
        }

        public static async Task<Server> StartAsync(string root)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { CliRunner.XiqingDll, "serve", "--urls", $"http://127.0.0.1:{port}" })
            {
                start.ArgumentList.Add(arg);
            }
            var process = Process.Start(start)!;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new Server(process, $"http://127.0.0.1:{port}");
            for (var attempt = 0; attempt < 240 && !process.HasExited; attempt++)
            {
                try
                {
                    using var ready = await server._http.GetAsync("/readyz");
                    if (ready.StatusCode == HttpStatusCode.OK)
                    {
                        return server;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }
                await Task.Delay(250);
            }
            await server.DisposeAsync();
            throw new InvalidOperationException("xiqing serve did not become ready");
        }

        public async Task<(HttpStatusCode Status, JsonElement Error)> GetErrorAsync(string url)
        {
            using var response = await _http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var error = JsonDocument.Parse(body).RootElement.TryGetProperty("error", out var e) ? e.Clone() : default;
            return (response.StatusCode, error);
        }

        public async Task<(HttpStatusCode Status, string Body)> GetAsync(string url)
        {
            using var response = await _http.GetAsync(url);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public ValueTask DisposeAsync()
        {
            _http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.WaitForExit();
            _process.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

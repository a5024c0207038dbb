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

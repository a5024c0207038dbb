using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary><c>xiqing keys add</c>, and <c>xiqing serve</c> with the key and <c>--audit-log</c>: real processes.</summary>
public sealed class KeysCommandTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    [Fact]
    public void KeysAdd_NewName_PrintsTheKeyOnceAndStoresItsHash()
    {
        var file = Path.Combine(fixture.Corpus.Root, "keys-" + Guid.NewGuid().ToString("N"), "api-keys.jsonl");

        var run = CliRunner.Run(fixture.Corpus.Root, "keys", "add", "portal", "--groups", "xq-planning,规划科", "--file", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var key = Assert.Single(run.StdoutLines);
        Assert.StartsWith("xq_", key, StringComparison.Ordinal);
        var line = JsonDocument.Parse(File.ReadAllLines(file).Single()).RootElement;
        Assert.Equal("portal", line.GetProperty("name").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), line.GetProperty("sha256").GetString());
        Assert.Equal(["xq-planning", "规划科"], line.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.DoesNotContain(key, File.ReadAllText(file), StringComparison.Ordinal);

        var again = CliRunner.Run(fixture.Corpus.Root, "keys", "add", "portal", "--file", file);
        Assert.Equal(2, again.ExitCode);
        Assert.Empty(again.StdoutLines);
        Assert.Single(File.ReadAllLines(file));
    }

    [Fact]
    public async Task Serve_WithKeyAndAuditLog_NamesTheCallerInTheLog()
    {
        var folder = Path.Combine(fixture.Corpus.Root, "auth-" + Guid.NewGuid().ToString("N"));
        var keys = Path.Combine(folder, "api-keys.jsonl");
        var add = CliRunner.Run(fixture.Corpus.Root, "keys", "add", "etl", "--groups", "xq-planning", "--file", keys);
        Assert.True(add.ExitCode == 0, add.ToString());
        var key = add.StdoutLines.Single();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = fixture.Corpus.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliRunner.XiqingDll, "serve", "--urls", $"http://127.0.0.1:{port}",
            "--audit-log", Path.Combine(folder, "audit.jsonl"), "--Xiqing:Auth:ApiKeysFile=" + keys })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            var url = $"http://127.0.0.1:{port}/api/search?q={Uri.EscapeDataString("天开西青园")}";
            HttpStatusCode? status = null;
            for (var attempt = 0; attempt < 120 && status is null && !process.HasExited; attempt++)
            {
                try
                {
                    using var response = await http.GetAsync(url);
                    // 503 until the server is ready (it listens at once and opens the index behind it).
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        await Task.Delay(500);
                        continue;
                    }
                    status = response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    await Task.Delay(500);
                }
            }
            Assert.Equal(HttpStatusCode.OK, status);
            http.DefaultRequestHeaders.Remove("X-Api-Key");
            http.DefaultRequestHeaders.Add("X-Api-Key", key + "wrong");
            using var refused = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var log = Directory.GetFiles(folder, "audit-*.jsonl").Single();
        var lines = File.ReadAllLines(log).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        // A search retried after a client timeout (a loaded machine) is logged each time it was answered.
        var answered = lines.Where(l => l.GetProperty("status").GetInt32() == 200 && l.GetProperty("route").GetString() == "/api/search").ToList();
        Assert.NotEmpty(answered);
        Assert.All(answered, ok =>
        {
            Assert.Equal("etl", ok.GetProperty("user").GetString());
            Assert.Equal("天开西青园", ok.GetProperty("query")[0].GetString());
            Assert.True(ok.GetProperty("totalHits").GetInt32() > 0);
        });
        Assert.Contains(lines, l => l.GetProperty("status").GetInt32() == 401 && l.GetProperty("user").ValueKind == JsonValueKind.Null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// Read replicas, as SCALING.md describes them, with real processes: two <c>xiqing serve</c> on one index folder
/// while a third process (<c>xiqing index</c>) rebuilds it, and a replica server on a folder fed by
/// <see cref="CommitCopier"/> (segment files first, <c>segments_N</c> last). Every server answers every request
/// throughout, and each switches to the new commit (a phrase only the new commit holds is found).
/// </summary>
public sealed class ReplicaTests : IDisposable
{
    private const string NewPhrase = "星河量子海绵工程";
    private readonly TempCorpus _corpus = new();
    private readonly List<Process> _servers = [];

    [Fact]
    public async Task TwoServersOnOneFolderAndACopiedReplica_RebuildInAnotherProcess_NoRequestFailsAndAllSwitch()
    {
        Assert.Equal(0, _corpus.Run("index").ExitCode);
        var replica = Path.Combine(_corpus.Root, "replica");
        CommitCopier.CopyLatest(_corpus.Index, replica);

        var urls = new[]
        {
            Start("--index", _corpus.Index),
            Start("--index", _corpus.Index),
            Start("--index", replica),
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var url in urls)
        {
            await WaitReady(http, url);
            Assert.Equal(0, await Hits(http, url, NewPhrase));
        }

        // Each server is searched without pause while the index is rebuilt by another process and copied.
        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var requests = new int[urls.Length];
        var load = urls.Select((url, i) => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await http.GetAsync($"{url}/api/search?q={Uri.EscapeDataString("天开西青园")}");
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        lock (failures)
                        {
                            failures.Add($"{url}: {(int)response.StatusCode} {body}");
                        }
                    }
                    Interlocked.Increment(ref requests[i]);
                }
                catch (HttpRequestException e)
                {
                    lock (failures)
                    {
                        failures.Add($"{url}: {e.Message}");
                    }
                }
            }
        })).ToArray();

        var seed = Directory.GetFiles(_corpus.Seeds, "000_*.txt").Single();
        File.AppendAllText(seed, $"\n\n西青区启动{NewPhrase}试点。\n");
        var rebuild = _corpus.Run("index");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        CommitCopier.CopyLatest(_corpus.Index, replica);

        foreach (var url in urls)
        {
            var clock = Stopwatch.StartNew();
            while (await Hits(http, url, NewPhrase) == 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"{url} did not switch to the new commit");
                await Task.Delay(200);
            }
        }
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.All(requests, r => Assert.True(r > 0));
    }

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
            server.Dispose();
        }
        _corpus.Dispose();
    }

    private string Start(params string[] args)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _corpus.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliRunner.XiqingDll, "serve", "--urls", url }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in new[] { "XIQING_SEEDS", "XIQING_INDEX", "XIQING_SMARTCN_JAR" })
        {
            start.Environment.Remove(name);
        }
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _servers.Add(process);
        return url;
    }

    private static async Task WaitReady(HttpClient http, string url)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync($"{url}/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"{url} never became ready");
            await Task.Delay(200);
        }
    }

    private static async Task<int> Hits(HttpClient http, string url, string phrase)
    {
        using var response = await http.GetAsync($"{url}/api/search?q={Uri.EscapeDataString(phrase)}");
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // No hits is 200 with totalHits 0; anything else is a failure of the server.
            Assert.Fail($"{url}: {(int)response.StatusCode} {body}");
        }
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("totalHits").GetInt32();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

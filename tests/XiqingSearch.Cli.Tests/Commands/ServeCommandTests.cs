using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary>
/// Issue 34, item 10: a query written raw in the URL, as curl sends it (UTF-8 bytes unencoded in the request line),
/// is answered as its percent-encoded form is.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RawUtf8QueryTests(ServerFixture server)
{
    private const string Park = "天开西青园";

    private (string Host, int Port) Endpoint()
    {
        var uri = server.Client.BaseAddress!;
        return (uri.Host, uri.Port);
    }

    /// <summary>Sends <paramref name="request"/> bytes on one connection and reads until the server closes it.</summary>
    private async Task<string> SendRawAsync(byte[] request)
    {
        var (host, port) = Endpoint();
        using var client = new TcpClient();
        await client.ConnectAsync(host, port);
        var stream = client.GetStream();
        await stream.WriteAsync(request);
        using var reader = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stream.CopyToAsync(reader, timeout.Token);
        return Encoding.UTF8.GetString(reader.ToArray());
    }

    [Fact]
    public async Task RawUtf8Query_RawTcpRequestLine_AnsweredAsEncoded()
    {
        var encoded = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(Park));

        var answer = await SendRawAsync(Encoding.UTF8.GetBytes($"GET /api/search?q={Park} HTTP/1.0\r\nHost: x\r\n\r\n"));

        // HTTP/1.0: the answer's body is not chunked and the connection closes after it.
        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        var body = JsonDocument.Parse(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]).RootElement;
        Assert.Equal(encoded.GetProperty("totalHits").GetInt32(), body.GetProperty("totalHits").GetInt32());
        Assert.Equal(8, body.GetProperty("totalOccurrences").GetInt32());
    }

    [Fact]
    public async Task RawUtf8Query_KeptAliveAfterBodyThatLooksLikeARequest_EveryRequestAnsweredInOrder()
    {
        // A POST body holding a raw request line is the client's data, not a request: three answers, not four,
        // and the third (raw) request is still encoded.
        var body = Encoding.UTF8.GetBytes($"GET /api/search?q={Park} HTTP/1.1\r\nHost: x\r\n\r\n");
        var request = new MemoryStream();
        request.Write(Encoding.UTF8.GetBytes($"GET /api/search?q={Park}&limit=1 HTTP/1.1\r\nHost: x\r\n\r\n"));
        request.Write(Encoding.UTF8.GetBytes($"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: {body.Length}\r\n\r\n"));
        request.Write(body);
        request.Write(Encoding.UTF8.GetBytes($"GET /api/suggest?q=天开 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));

        var answer = await SendRawAsync(request.ToArray());

        var statuses = Regex.Matches(answer, @"HTTP/1\.1 (\d{3}) ").Select(match => match.Groups[1].Value).ToList();
        Assert.True(statuses.SequenceEqual(["200", "404", "200"]), answer);
        Assert.Contains("天开西青园", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawUtf8Query_HeaderBytes_LeftAsSent()
    {
        // Only the request line is rewritten: a raw header value reaches Kestrel unchanged (and is served).
        var answer = await SendRawAsync(Encoding.UTF8.GetBytes($"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Note: {Park}\r\nConnection: close\r\n\r\n"));

        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawUtf8Query_CurlProcess_AnsweredWithTheHits()
    {
        var curl = new[] { "/usr/bin/curl", "/bin/curl" }.FirstOrDefault(File.Exists);
        Assert.True(curl is not null, "curl is needed for this test (apt-get install -y curl)");
        var url = server.Client.BaseAddress + "api/search?q=" + Park;
        var start = new ProcessStartInfo(curl!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-sS", "--max-time", "30", "-w", "\n%{http_code}", url })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        var lines = output.Split('\n');
        Assert.Equal("200", lines[^1]);
        var body = JsonDocument.Parse(string.Join('\n', lines[..^1])).RootElement;
        Assert.Equal(8, body.GetProperty("totalOccurrences").GetInt32());
    }
}

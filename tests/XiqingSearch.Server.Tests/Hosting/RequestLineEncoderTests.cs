using System.Buffers;
using System.Text;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Tests.Hosting;

public sealed class RequestLineEncoderTests
{
    private static string Run(string input, int split = int.MaxValue, int maxLine = 8192, int maxHeaders = 32768)
    {
        var encoder = new RequestLineEncoder(maxLine, maxHeaders);
        var output = new ArrayBufferWriter<byte>();
        var bytes = Encoding.UTF8.GetBytes(input);
        for (var i = 0; i < bytes.Length; i += split)
        {
            encoder.Transform(bytes.AsSpan(i, Math.Min(split, bytes.Length - i)), output);
        }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Fact]
    public void Transform_RawUtf8InRequestLine_PercentEncodesOnlyThoseBytes()
    {
        var result = Run("GET /api/search?q=天开 HTTP/1.1\r\nHost: x\r\nX-Name: 西青\r\n\r\n");

        Assert.Equal("GET /api/search?q=%E5%A4%A9%E5%BC%80 HTTP/1.1\r\nHost: x\r\nX-Name: 西青\r\n\r\n", result);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Transform_BytesSplitAnywhere_SameAsWhole(int split)
    {
        const string Input = "GET /?q=天 HTTP/1.1\r\nContent-Length: 20\r\n\r\nGET /?q=青 HTTP/1.1\r\n"
            + "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n园园\r\n0\r\nT: 园\r\n\r\nGET /?q=园 HTTP/1.1\r\n\r\n";

        Assert.Equal(Run(Input), Run(Input, split));
    }

    [Fact]
    public void Transform_BodyWithContentLength_PassesBodyUnchangedAndEncodesTheNextRequest()
    {
        // The body looks like a request line; it must stay as sent, and the request after it be encoded.
        const string Body = "GET /?q=天 HTTP/1.1\r\n";
        var length = Encoding.UTF8.GetByteCount(Body);

        var result = Run($"POST /a HTTP/1.1\r\nContent-Length: {length}\r\n\r\n{Body}GET /?q=青 HTTP/1.1\r\n\r\n");

        Assert.Equal($"POST /a HTTP/1.1\r\nContent-Length: {length}\r\n\r\n{Body}GET /?q=%E9%9D%92 HTTP/1.1\r\n\r\n", result);
    }

    [Fact]
    public void Transform_ChunkedBodyAndTrailers_PassUnchangedAndTheNextRequestIsEncoded()
    {
        var chunk = "西青\r\n天开"; // 14 bytes, a line end inside the chunk
        var input = $"POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\ne;ext=1\r\n{chunk}\r\n0\r\nX-T: 园\r\n\r\nGET /?q=园 HTTP/1.1\r\n\r\n";

        var result = Run(input);

        Assert.Equal(input.Replace("GET /?q=园", "GET /?q=%E5%9B%AD", StringComparison.Ordinal), result);
    }

    [Theory]
    [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001 天 \r\n")] // TLS handshake bytes
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\nGET /天 HTTP/1.1\r\n")] // HTTP/2 preface
    [InlineData("CONNECT a:1 HTTP/1.1\r\n\r\nGET /天 HTTP/1.1\r\n")] // a tunnel
    [InlineData("GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\nGET /天 HTTP/1.1\r\n")] // a protocol switch
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nGET /天 HTTP/1.1\r\n")] // ambiguous length
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nGET /天 HTTP/1.1\r\n")] // both
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\nGET /天 HTTP/1.1\r\n")] // not chunked
    public void Transform_FramingNotFollowed_PassesEverythingUnchanged(string input)
    {
        Assert.Equal(input, Run(input));
    }

    [Fact]
    public void Transform_RequestLineOverTheLimit_PassedOnUnchangedForKestrelToRefuse()
    {
        var input = "GET /?q=" + new string('天', 40) + " HTTP/1.1\r\n\r\n";

        Assert.Equal(input, Run(input, maxLine: 64));
    }

    [Fact]
    public void Transform_TlsHandshakeWithoutLineEnd_PassedOnAtOnce()
    {
        // A handshake held back waiting for a line end would stall the connection.
        Assert.Equal("\u0016\u0003\u0001", Run("\u0016\u0003\u0001"));
    }
}

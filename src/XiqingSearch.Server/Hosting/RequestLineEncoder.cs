using System.Buffers;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Percent-encodes the bytes at or above 0x80 in each HTTP/1.x request line of a connection's incoming bytes, so
/// that <c>curl "http://host/api/search?q=天开西青园"</c> (which sends the UTF-8 bytes raw, as browsers never do) reaches
/// the search rather than Kestrel's bare 400: Kestrel refuses such a request line before any middleware runs.
/// </summary>
/// <remarks>
/// Only request lines are rewritten; header and body bytes pass unchanged. To know where the next request line
/// starts on a kept-alive connection the encoder follows HTTP/1.1's framing as Kestrel does: the header section up
/// to its empty line, then a body of <c>Content-Length</c> bytes or chunked with its trailers, or none. Whenever the
/// framing is not plain (not a request line, <c>CONNECT</c>, <c>Upgrade</c>, both or a malformed length,
/// a line over its bound, TLS or HTTP/2 bytes) it stops rewriting and passes every later byte through: Kestrel then
/// sees exactly what the client sent, as it would without the encoder, and refuses or serves it itself.
/// A request line over <see cref="_maxRequestLine"/> raw bytes is passed on unchanged, so Kestrel's request-line
/// limit holds (the encoded line, up to three times longer, is measured by Kestrel against the same limit).
/// State is kept between calls, so bytes may arrive split anywhere.
/// </remarks>
public sealed class RequestLineEncoder
{
    private enum State
    {
        RequestLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        PassThrough,
    }

    private const int MaxChunkLine = 1024;
    private static readonly byte[] s_hex = "0123456789ABCDEF"u8.ToArray();

    private readonly int _maxRequestLine;
    private readonly int _maxHeaders;
    private readonly byte[] _line;
    private State _state = State.RequestLine;
    private int _lineLength;
    private int _written;
    private int _requestLineLength;
    private int _headerBytes;
    private long _remaining;
    private long? _contentLength;
    private bool _chunked;
    private bool _stopAfterRequest;

    /// <param name="maxRequestLine">Kestrel's request-line limit (bytes).</param>
    /// <param name="maxHeaders">Kestrel's limit on the header section (bytes).</param>
    public RequestLineEncoder(int maxRequestLine, int maxHeaders)
    {
        _maxRequestLine = maxRequestLine;
        _maxHeaders = maxHeaders;
        _line = new byte[Math.Max(Math.Max(maxRequestLine, maxHeaders), MaxChunkLine) + 2];
    }

    /// <summary>Whether the encoder has stopped following the connection (every later byte passes unchanged).</summary>
    public bool PassingThrough => _state == State.PassThrough;

    /// <summary>How many request lines had bytes rewritten.</summary>
    public int LinesEncoded { get; private set; }

    /// <summary>Writes <paramref name="input"/>, with its request lines encoded, to <paramref name="output"/>.</summary>
    public void Transform(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        while (!input.IsEmpty)
        {
            switch (_state)
            {
                case State.PassThrough:
                    output.Write(input);
                    return;
                case State.Body:
                case State.ChunkData:
                    {
                        var take = (int)Math.Min(_remaining, input.Length);
                        output.Write(input[..take]);
                        input = input[take..];
                        _remaining -= take;
                        if (_remaining == 0)
                        {
                            _state = _state == State.Body ? State.RequestLine : State.ChunkDataEnd;
                            _lineLength = 0;
                        }
                        break;
                    }
                default:
                    input = TakeLine(input, output);
                    break;
            }
        }
    }

    /// <summary>Takes bytes of a line up to its LF; a finished line moves the state on.</summary>
    private ReadOnlySpan<byte> TakeLine(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        // A request line starts with a method token (capital letters), or an empty line may precede it. Anything
        // else — a TLS handshake, HTTP/2 frames — is not ours to follow, and is passed on at once: held back
        // waiting for a line end that never comes, a handshake would stall.
        if (_state == State.RequestLine && _lineLength == 0 && input[0] is not ((>= (byte)'A' and <= (byte)'Z') or (byte)'\r' or (byte)'\n'))
        {
            _state = State.PassThrough;
            return input;
        }
        var end = input.IndexOf((byte)'\n');
        var part = end < 0 ? input : input[..(end + 1)];
        var bound = _state switch
        {
            State.RequestLine => _maxRequestLine - _requestLineLength,
            State.Headers or State.Trailers => _maxHeaders - _headerBytes,
            _ => MaxChunkLine - _lineLength,
        };
        if (part.Length > bound)
        {
            // Over its bound: whatever follows is Kestrel's to refuse, unchanged.
            Flush(output);
            _state = State.PassThrough;
            return input;
        }
        part.CopyTo(_line.AsSpan(_lineLength));
        _lineLength += part.Length;
        if (_state == State.RequestLine)
        {
            _requestLineLength += part.Length;
        }
        else if (_state is State.Headers or State.Trailers)
        {
            _headerBytes += part.Length;
        }
        if (end >= 0)
        {
            EndLine(output);
        }
        else if (_state != State.RequestLine)
        {
            // Only a request line must be whole before it is written (it may change); other lines go on now.
            output.Write(_line.AsSpan(_written, _lineLength - _written));
            _written = _lineLength;
        }
        return end < 0 ? [] : input[(end + 1)..];
    }

    private void Flush(IBufferWriter<byte> output)
    {
        output.Write(_line.AsSpan(_written, _lineLength - _written));
        _lineLength = 0;
        _written = 0;
    }

    private void EndLine(IBufferWriter<byte> output)
    {
        var line = _line.AsSpan(0, _lineLength);
        var text = line.TrimEnd("\r\n"u8);
        switch (_state)
        {
            case State.RequestLine:
                EndRequestLine(line, text, output);
                break;
            case State.Headers:
                Flush(output);
                if (text.IsEmpty)
                {
                    EndHeaders();
                }
                else
                {
                    ReadHeader(text);
                }
                break;
            case State.ChunkSize:
                Flush(output);
                if (!TryParseChunkSize(text, out var size))
                {
                    _state = State.PassThrough;
                }
                else if (size == 0)
                {
                    _state = State.Trailers;
                    _headerBytes = 0;
                }
                else
                {
                    _remaining = size;
                    _state = State.ChunkData;
                }
                break;
            case State.ChunkDataEnd:
                Flush(output);
                _state = text.IsEmpty ? State.ChunkSize : State.PassThrough;
                break;
            case State.Trailers:
                Flush(output);
                if (text.IsEmpty)
                {
                    NextRequest();
                }
                break;
        }
    }

    private void EndRequestLine(ReadOnlySpan<byte> line, ReadOnlySpan<byte> text, IBufferWriter<byte> output)
    {
        if (text.IsEmpty)
        {
            // An empty line before a request line: passed on, still waiting for the request line.
            Flush(output);
            _requestLineLength = 0;
            return;
        }
        // HTTP/2's preface (PRI) and a tunnel (CONNECT) are followed by bytes that are not HTTP/1.1 requests.
        if (!char.IsAsciiLetterUpper((char)text[0]) || text.StartsWith("PRI "u8) || text.StartsWith("CONNECT "u8))
        {
            Flush(output);
            _state = State.PassThrough;
            return;
        }
        if (line.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
        {
            var encoded = output.GetSpan(line.Length * 3);
            var length = 0;
            foreach (var b in line)
            {
                if (b >= 0x80)
                {
                    encoded[length++] = (byte)'%';
                    encoded[length++] = s_hex[b >> 4];
                    encoded[length++] = s_hex[b & 0xF];
                }
                else
                {
                    encoded[length++] = b;
                }
            }
            output.Advance(length);
            LinesEncoded++;
            _lineLength = 0;
            _written = 0;
        }
        else
        {
            Flush(output);
        }
        _state = State.Headers;
        _headerBytes = 0;
        _contentLength = null;
        _chunked = false;
    }

    private void ReadHeader(ReadOnlySpan<byte> text)
    {
        var colon = text.IndexOf((byte)':');
        if (colon <= 0)
        {
            _state = State.PassThrough;
            return;
        }
        var name = Encoding.ASCII.GetString(text[..colon]);
        var value = Encoding.Latin1.GetString(text[(colon + 1)..]).Trim(' ', '\t');
        if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
                || (_contentLength is { } earlier && earlier != length))
            {
                _state = State.PassThrough;
                return;
            }
            _contentLength = length;
        }
        else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
        {
            // Kestrel reads a chunked body when the last coding is chunked and refuses any other coding; only the
            // plain case is followed.
            if (!value.Equals("chunked", StringComparison.OrdinalIgnoreCase) || _chunked)
            {
                _state = State.PassThrough;
                return;
            }
            _chunked = true;
        }
        else if (name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
        {
            // After a protocol switch the bytes are no longer HTTP/1.1.
            _stopAfterRequest = true;
        }
    }

    private void EndHeaders()
    {
        if (_chunked && _contentLength is not null)
        {
            _state = State.PassThrough;
        }
        else if (_stopAfterRequest)
        {
            _state = State.PassThrough;
        }
        else if (_chunked)
        {
            _state = State.ChunkSize;
        }
        else if (_contentLength is > 0 and var length)
        {
            _remaining = length;
            _state = State.Body;
        }
        else
        {
            NextRequest();
        }
    }

    private void NextRequest()
    {
        _state = State.RequestLine;
        _requestLineLength = 0;
    }

    private static bool TryParseChunkSize(ReadOnlySpan<byte> text, out long size)
    {
        size = 0;
        var semicolon = text.IndexOf((byte)';');
        var digits = (semicolon < 0 ? text : text[..semicolon]).Trim((byte)' ');
        if (digits.IsEmpty || digits.Length > 15)
        {
            return false;
        }
        foreach (var b in digits)
        {
            var value = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }
            size = (size * 16) + value;
        }
        return true;
    }
}

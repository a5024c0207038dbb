using System.Buffers;
using System.Text;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// Decodes a source file strictly as UTF-8. A file is refused, never guessed: a wrong encoding is reported with
/// the byte offset of its first bad sequence (and a GB18030 hint when the bytes read cleanly as GB18030).
/// </summary>
public static class Utf8Reader
{
    private static readonly Lazy<Encoding> s_gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>
    /// The text of <paramref name="bytes"/>, a leading BOM dropped; or <see cref="ProblemCodes.EmptyFile"/>,
    /// <see cref="ProblemCodes.BinaryFile"/> or <see cref="ProblemCodes.InvalidUtf8"/>, whose span is the byte offset
    /// of the first offending byte. <paramref name="path"/> names the file in messages.
    /// </summary>
    public static Result<string> Decode(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var name = Path.GetFileName(path);
        if (name.Length == 0)
        {
            name = path;
        }

        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var body = bytes.AsSpan(start);
        if (body.Length == 0)
        {
            return new Problem(ProblemCodes.EmptyFile, IngestMessages.EmptyFile(name), path);
        }

        var binaryAt = FindBinary(body);
        if (binaryAt >= 0)
        {
            var offset = start + binaryAt;
            return new Problem(ProblemCodes.BinaryFile, IngestMessages.BinaryFile(name, offset), path, new TextSpan(offset, offset + 1));
        }

        var badAt = FindInvalidUtf8(body);
        if (badAt >= 0)
        {
            var offset = start + badAt;
            return new Problem(
                ProblemCodes.InvalidUtf8,
                IngestMessages.InvalidUtf8(name, offset, LooksLikeGb18030(body)),
                path,
                new TextSpan(offset, offset + 1));
        }

        var text = Encoding.UTF8.GetString(body);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Problem(ProblemCodes.EmptyFile, IngestMessages.EmptyFile(name), path);
        }
        return text;
    }

    /// <summary>
    /// Offset of the first NUL byte, or of the first control byte when control bytes (other than tab, line feed,
    /// carriage return, form feed) make up more than 1% of the first 8 KiB; -1 for text.
    /// </summary>
    private static int FindBinary(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return nul;
        }
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var first = -1;
        var count = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var b = sample[i];
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                count++;
                if (first < 0)
                {
                    first = i;
                }
            }
        }
        return count > 0 && count * 100 > sample.Length ? first : -1;
    }

    /// <summary>Offset of the first byte that does not start a well-formed UTF-8 sequence; -1 when all are valid.</summary>
    private static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return -1;
    }

    private static bool LooksLikeGb18030(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = s_gb18030.Value.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                return true;
            }
        }
        return false;
    }
}

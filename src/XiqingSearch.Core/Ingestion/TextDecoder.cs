using System.Buffers;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// Decodes a text source in whatever encoding Chinese documents come in: UTF-8 (with or without BOM), UTF-16 LE/BE
/// (with a BOM, or without one when its NUL bytes fall on alternating bytes), GB18030/GBK and Big5. Bytes that are
/// not UTF-8 are decoded strictly with each legacy candidate and the result richest in common Chinese characters
/// wins: GBK bytes read as Big5 (and the reverse) decode without error into rare characters, so "decodes cleanly"
/// alone cannot tell them apart. What is not text at all (NULs outside a UTF-16 pattern, control bytes) is refused
/// as binary with the byte offset, an empty file as empty, and bytes no candidate decodes as invalid UTF-8 with the
/// offset of the first bad sequence.
/// </summary>
public static class TextDecoder
{
    /// <summary>Encoding names <see cref="Detect"/> returns.</summary>
    public const string Utf8 = "UTF-8", Utf16Le = "UTF-16LE", Utf16Be = "UTF-16BE", Gb18030 = "GB18030", Big5 = "Big5";

    private static readonly Lazy<(Encoding Gb18030, Encoding Big5)> s_legacy = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return (Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            Encoding.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback));
    });

    private static readonly Encoding s_utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding s_utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>
    /// About four hundred of the most frequent characters of Chinese prose, simplified and traditional. The right
    /// decoding of a real document is mostly made of them; a wrong one (GBK read as Big5) almost never is.
    /// </summary>
    private static readonly SearchValues<char> s_common = SearchValues.Create(
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
        + "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相"
        + "全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果"
        + "料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则"
        + "任取据处府研推务施保障服城市镇村企项目设施环境质量改革创新安全加快完善健全落实促进提升坚持深化稳定增长投资消费规划计划报告会议"
        + "這為個國時來們於對會發動過說產種後學經進著電裡現實兩體機當點從業應開還關間樣與數變條沒結問題黨總員設及級圖統將組見計別幾區強決"
        + "戰則據處務環質穩長資費規劃報會議實點濟發區縣"
        + "，。、；：？！“”‘’（）《》〔〕【】—…·");

    /// <summary>
    /// The text of <paramref name="bytes"/>, a leading BOM dropped; or <see cref="ProblemCodes.EmptyFile"/>,
    /// <see cref="ProblemCodes.BinaryFile"/> or <see cref="ProblemCodes.InvalidUtf8"/>, whose
    /// <see cref="Problem.ByteOffset"/> is the byte offset of the first offending byte. <paramref name="path"/> names
    /// the file in messages.
    /// </summary>
    public static Result<string> Decode(byte[] bytes, string path) => Decode(bytes, path, out _);

    /// <summary>The name of the encoding <paramref name="bytes"/> decode with, or null when they are refused.</summary>
    public static string? Detect(byte[] bytes)
    {
        var decoded = Decode(bytes, "detect", out var encoding);
        return decoded.IsSuccess ? encoding : null;
    }

    /// <summary>
    /// The encoding <paramref name="bytes"/> decode with (<see cref="Detect"/>), or the problem that refuses them, as
    /// <see cref="Decode(byte[], string)"/> names it: how a streamed file's encoding is read from its start.
    /// </summary>
    internal static Result<string> DetectOrRefuse(byte[] bytes, string path)
    {
        var decoded = Decode(bytes, path, out var encoding);
        return decoded.IsSuccess ? encoding! : Result<string>.Fail(decoded.Problems);
    }

    /// <summary>A strict decoder (it throws <see cref="DecoderFallbackException"/> on a bad sequence) for an encoding
    /// <see cref="Detect"/> names.</summary>
    internal static Encoding StrictEncoding(string name) => name switch
    {
        Utf16Le => s_utf16Le,
        Utf16Be => s_utf16Be,
        Gb18030 => s_legacy.Value.Gb18030,
        Big5 => s_legacy.Value.Big5,
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
    };

    private static Result<string> Decode(byte[] bytes, string path, out string? encoding)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        encoding = null;
        var name = Path.GetFileName(path);
        if (name.Length == 0)
        {
            name = path;
        }
        var all = bytes.AsSpan();
        if (all.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || all.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var bigEndian = all[0] == 0xFE;
            var body16 = all[2..];
            return FromUtf16(body16, bigEndian, 2, name, path, ref encoding);
        }

        var start = all.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var body = all[start..];
        if (body.Length == 0)
        {
            return new Problem(ProblemCodes.EmptyFile, IngestMessages.EmptyFile(name), path);
        }

        // NUL bytes (every ASCII digit, space and line break in UTF-16 carries one, and U+xx00 ideographs such as 一),
        // or control bytes (the low bytes of ideographs such as U+4E01): UTF-16 without a BOM when it decodes
        // strictly into text without control characters. A UTF-16 file is never called binary.
        if (start == 0 && body.Length % 2 == 0 && (body.Contains((byte)0) || FindBinary(body) >= 0)
            && BestUtf16(body) is { } utf16)
        {
            encoding = utf16.Encoding;
            return string.IsNullOrWhiteSpace(utf16.Text)
                ? new Problem(ProblemCodes.EmptyFile, IngestMessages.EmptyFile(name), path)
                : utf16.Text;
        }

        var binaryAt = FindBinary(body);
        if (binaryAt >= 0)
        {
            var offset = start + binaryAt;
            return new Problem(ProblemCodes.BinaryFile, IngestMessages.BinaryFile(name, offset), path) { ByteOffset = offset };
        }

        var badAt = FindInvalidUtf8(body);
        string text;
        if (badAt < 0)
        {
            text = Encoding.UTF8.GetString(body);
            encoding = Utf8;
        }
        else if (start == 0 && BestLegacy(body) is { } legacy)
        {
            (text, encoding) = legacy;
        }
        else
        {
            var offset = start + badAt;
            return new Problem(ProblemCodes.InvalidUtf8, IngestMessages.InvalidUtf8(name, offset), path) { ByteOffset = offset };
        }
        return string.IsNullOrWhiteSpace(text)
            ? new Problem(ProblemCodes.EmptyFile, IngestMessages.EmptyFile(name), path)
            : text;
    }

    private static Result<string> FromUtf16(ReadOnlySpan<byte> body, bool bigEndian, int start, string name, string path,
        ref string? encoding)
    {
        if (body.Length == 0)
        {
            return new Problem(ProblemCodes.EmptyFile, IngestMessages.EmptyFile(name), path);
        }
        string text;
        try
        {
            text = (bigEndian ? s_utf16Be : s_utf16Le).GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(0, e.Index);
            return new Problem(ProblemCodes.InvalidUtf8, IngestMessages.InvalidUtf16(name, offset), path) { ByteOffset = offset };
        }
        var control = FindControl(text);
        if (control >= 0)
        {
            var offset = start + control * 2;
            return new Problem(ProblemCodes.BinaryFile, IngestMessages.BinaryFile(name, offset), path) { ByteOffset = offset };
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Problem(ProblemCodes.EmptyFile, IngestMessages.EmptyFile(name), path);
        }
        encoding = bigEndian ? Utf16Be : Utf16Le;
        return text;
    }

    /// <summary>
    /// The UTF-16 reading (little- or big-endian) of a BOM-less body that decodes strictly, holds no control
    /// character and reads as text (ASCII, or mostly common Chinese characters); the likelier when both do.
    /// </summary>
    private static (string Text, string Encoding)? BestUtf16(ReadOnlySpan<byte> body) =>
        Best(body, [(s_utf16Le, Utf16Le), (s_utf16Be, Utf16Be)], MinimumTextScore);

    /// <summary>The <see cref="Score"/> a decoding must reach to be taken for text when nothing else says it is.</summary>
    private const double MinimumTextScore = 0.3;

    /// <summary>
    /// The legacy decoding (GB18030 or Big5) whose text is
    /// richest in common Chinese characters; null when none decodes strictly. GB18030 goes first, so a tie (text of
    /// characters shared by both tables) reads as the mainland encoding.
    /// </summary>
    private static (string Text, string Encoding)? BestLegacy(ReadOnlySpan<byte> body)
    {
        var (gb, big5) = s_legacy.Value;
        return Best(body, [(gb, Gb18030), (big5, Big5)], double.MinValue);
    }

    /// <summary>
    /// Of <paramref name="candidates"/> in order, the one that decodes <paramref name="body"/> strictly, holds no
    /// control character and has the highest <see cref="Score"/> of at least <paramref name="minimumScore"/>; the
    /// first wins a tie.
    /// </summary>
    private static (string Text, string Encoding)? Best(ReadOnlySpan<byte> body, (Encoding Encoding, string Label)[] candidates,
        double minimumScore)
    {
        (string Text, string Encoding)? best = null;
        var bestScore = double.MinValue;
        foreach (var (candidate, label) in candidates)
        {
            string text;
            try
            {
                text = candidate.GetString(body);
            }
            catch (DecoderFallbackException)
            {
                continue;
            }
            if (FindControl(text) >= 0)
            {
                continue;
            }
            var score = Score(text);
            if (score >= minimumScore && score > bestScore)
            {
                best = (text, label);
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>Share of common characters among the text's non-ASCII characters, less a penalty for private-use
    /// and compatibility characters a wrong table produces; 1 for text of ASCII only.</summary>
    private static double Score(string text)
    {
        int wide = 0, common = 0, odd = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                continue;
            }
            wide++;
            if (s_common.Contains(c))
            {
                common++;
            }
            else if (c is (>= '\uE000' and <= '\uF8FF') or (>= '\uD800' and <= '\uDFFF') or (>= '\u0080' and <= '\u02FF')
                or (>= '\uF900' and <= '\uFAFF'))
            {
                odd++;
            }
        }
        return wide == 0 ? 1 : (common - 2.0 * odd) / wide;
    }

    /// <summary>Index of the first control character that is no text (anything below U+0020 but tab, line feed,
    /// carriage return and form feed), or -1.</summary>
    private static int FindControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x20 && text[i] is not ('\t' or '\n' or '\r' or '\f'))
            {
                return i;
            }
        }
        return -1;
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
}

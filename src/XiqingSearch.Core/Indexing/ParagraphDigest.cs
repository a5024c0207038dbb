using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using XiqingSearch.Core.Analysis.Bigrams;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// What the build works out once per paragraph so that no answer re-analyses stored text: a hash of the text
/// (<see cref="FieldNames.TextHash"/>: repeated paragraphs — headings, boilerplate, copies — are read and scanned
/// once), its characters as matching counts them (<see cref="FieldNames.Characters"/>: per-year sizes without
/// reading any text), and the offsets of its SmartCn words (<see cref="FieldNames.Words"/>: new-terms candidates
/// and suggestions without running SmartCn). Each is a field of the paragraph's own Lucene document, so it is
/// written and deleted with the paragraph: an incremental build rewrites a changed document's part only, and any
/// set of documents (a caller's view) sums exactly the parts of those documents.
/// </summary>
internal static class ParagraphDigest
{
    /// <summary>
    /// FNV-1a over the UTF-16 units of the text as stored. 64 bits: among a million distinct paragraphs the chance
    /// that two share a hash is about 3 in 100 million, and texts are also compared by length before they are merged.
    /// </summary>
    public static long Hash(ReadOnlySpan<char> text)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * prime;
            hash = (hash ^ (byte)(c >> 8)) * prime;
        }
        return (long)hash;
    }

    /// <summary>Characters that matching sees (whitespace and other ignorable characters not counted).</summary>
    public static int Characters(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (!MatchFolding.IsIgnorable(c))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>The start and end offsets (UTF-16, in the text as stored) of each word <paramref name="smartCn"/> finds.</summary>
    public static List<(int Start, int End)> Words(Analyzer smartCn, string text)
    {
        var tokens = new List<(int Start, int End)>();
        var stream = smartCn.GetTokenStream(FieldNames.Text, text);
        try
        {
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (offset.EndOffset > offset.StartOffset && offset.EndOffset <= text.Length)
                {
                    tokens.Add((offset.StartOffset, offset.EndOffset));
                }
            }
            stream.End();
        }
        finally
        {
            stream.Dispose();
        }
        return tokens;
    }

    /// <summary>The words as variable-length integers: each start as the distance from the previous end, then the length.</summary>
    public static byte[] EncodeWords(List<(int Start, int End)> words)
    {
        var bytes = new List<byte>(words.Count * 2 + 1);
        var previous = 0;
        foreach (var (start, end) in words)
        {
            // Words may overlap (SmartCn can emit a word inside another): a negative gap is zig-zag encoded.
            WriteVarint(bytes, ZigZag(start - previous));
            WriteVarint(bytes, (uint)(end - start));
            previous = end;
        }
        return [.. bytes];
    }

    /// <summary>
    /// The words <see cref="EncodeWords"/> wrote, or null when the bytes are not such a list for a text of
    /// <paramref name="textLength"/> units (then the caller analyses the text itself).
    /// </summary>
    public static List<(int Start, int End)>? DecodeWords(ReadOnlySpan<byte> bytes, int textLength)
    {
        var words = new List<(int Start, int End)>(bytes.Length / 2);
        var previous = 0;
        var at = 0;
        while (at < bytes.Length)
        {
            if (!TryReadVarint(bytes, ref at, out var gap) || !TryReadVarint(bytes, ref at, out var length))
            {
                return null;
            }
            var start = previous + UnZigZag(gap);
            var end = start + (int)length;
            if (start < 0 || length == 0 || end > textLength)
            {
                return null;
            }
            words.Add((start, end));
            previous = end;
        }
        return words;
    }

    private static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    private static int UnZigZag(uint value) => (int)(value >> 1) ^ -(int)(value & 1);

    private static void WriteVarint(List<byte> into, uint value)
    {
        while (value >= 0x80)
        {
            into.Add((byte)(value | 0x80));
            value >>= 7;
        }
        into.Add((byte)value);
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> bytes, ref int at, out uint value)
    {
        value = 0;
        for (var shift = 0; shift < 35 && at < bytes.Length; shift += 7)
        {
            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }
        return false;
    }
}

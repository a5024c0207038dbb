namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// How deep the elements of an HTML file nest, estimated from its bytes before it is parsed. An HTML tree builder
/// checks the stack of open elements on every start tag, so a page of 100,000 nested <c>div</c>s costs it time in
/// the square of the depth (minutes); this scan is one pass over the bytes and lets such a page be refused first.
/// It counts what a tree builder nests: void elements (<c>br</c>, <c>img</c>…) and elements whose end tag is
/// optional and that never nest in themselves (<c>p</c>, <c>li</c>, <c>td</c>, <c>tr</c>…) are not counted; comments,
/// doctype and the content of raw-text elements (<c>script</c>, <c>style</c>, <c>textarea</c>, <c>title</c>) are
/// skipped. The estimate errs low rather than high, so no real page is refused for it; the reader still checks the
/// depth of the parsed tree.
/// </summary>
internal static class HtmlDepthScan
{
    private static readonly HashSet<string> s_void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame", "image",
    };

    private static readonly HashSet<string> s_autoClosed = new(StringComparer.Ordinal)
    {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
        "rb", "rt", "rtc", "rp", "html", "head", "body",
    };

    private static readonly HashSet<string> s_rawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>True when some element of <paramref name="bytes"/> nests deeper than <paramref name="limit"/>.</summary>
    public static bool Exceeds(ReadOnlySpan<byte> bytes, int limit) => MaxDepth(bytes, stopAbove: limit) > limit;

    /// <summary>The deepest nesting seen, counting no further than one past <paramref name="stopAbove"/>.</summary>
    public static int MaxDepth(ReadOnlySpan<byte> bytes, int stopAbove = int.MaxValue)
    {
        var depth = 0;
        var max = 0;
        var foreign = 0;
        Span<char> name = stackalloc char[16];
        var i = 0;
        while (i < bytes.Length)
        {
            var lt = bytes[i..].IndexOf((byte)'<');
            if (lt < 0)
            {
                break;
            }
            i += lt + 1;
            if (i >= bytes.Length)
            {
                break;
            }
            if (bytes[i..].StartsWith("!--"u8))
            {
                var end = bytes[(i + 3)..].IndexOf("-->"u8);
                i = end < 0 ? bytes.Length : i + 3 + end + 3;
                continue;
            }
            if (bytes[i] is (byte)'!' or (byte)'?')
            {
                i = SkipTag(bytes, i, out _);
                continue;
            }
            var closing = bytes[i] == '/';
            var start = closing ? i + 1 : i;
            var length = ReadName(bytes, start, name);
            if (length == 0)
            {
                // "<" followed by no tag name is text ("a < b").
                continue;
            }
            var tag = new string(name[..Math.Min(length, name.Length)]);
            i = SkipTag(bytes, start + length, out var selfClosing);
            if (closing)
            {
                if (Counted(tag))
                {
                    depth = Math.Max(0, depth - 1);
                    if (tag is "svg" or "math")
                    {
                        foreign = Math.Max(0, foreign - 1);
                    }
                }
                continue;
            }
            if (s_rawText.Contains(tag))
            {
                i = SkipRawText(bytes, i, tag);
                continue;
            }
            // Only inside svg and math does "/>" close an element; in HTML "<div/>" opens one.
            if (!Counted(tag) || (selfClosing && foreign > 0))
            {
                continue;
            }
            if (tag is "svg" or "math")
            {
                if (selfClosing)
                {
                    continue;
                }
                foreign++;
            }
            depth++;
            if (depth > max)
            {
                max = depth;
                if (max > stopAbove)
                {
                    return max;
                }
            }
        }
        return max;
    }

    private static bool Counted(string tag) => !s_void.Contains(tag) && !s_autoClosed.Contains(tag);

    /// <summary>The lower-case ASCII tag name at <paramref name="start"/> (its length; 0 when none).</summary>
    private static int ReadName(ReadOnlySpan<byte> bytes, int start, Span<char> name)
    {
        if (start >= bytes.Length || !IsAsciiLetter(bytes[start]))
        {
            return 0;
        }
        var length = 0;
        for (var j = start; j < bytes.Length; j++)
        {
            var b = bytes[j];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'/' or (byte)'>')
            {
                break;
            }
            if (length < name.Length)
            {
                name[length] = (char)(b is >= (byte)'A' and <= (byte)'Z' ? b + 32 : b);
            }
            length++;
        }
        // A name longer than the buffer is no element the scan treats specially; it still counts as one.
        return length;
    }

    /// <summary>The index after the tag's closing '>' (attribute values may hold '>').</summary>
    private static int SkipTag(ReadOnlySpan<byte> bytes, int i, out bool selfClosing)
    {
        selfClosing = false;
        byte quote = 0;
        for (; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (quote != 0)
            {
                if (b == quote)
                {
                    quote = 0;
                }
                continue;
            }
            if (b is (byte)'"' or (byte)'\'')
            {
                quote = b;
            }
            else if (b == '>')
            {
                selfClosing = i > 0 && bytes[i - 1] == '/';
                return i + 1;
            }
        }
        return bytes.Length;
    }

    private static int SkipRawText(ReadOnlySpan<byte> bytes, int i, string tag)
    {
        while (i < bytes.Length)
        {
            var lt = bytes[i..].IndexOf("</"u8);
            if (lt < 0)
            {
                return bytes.Length;
            }
            i += lt + 2;
            var matches = i + tag.Length <= bytes.Length;
            for (var k = 0; matches && k < tag.Length; k++)
            {
                var b = bytes[i + k];
                matches = (b is >= (byte)'A' and <= (byte)'Z' ? b + 32 : b) == tag[k];
            }
            if (matches)
            {
                return SkipTag(bytes, i + tag.Length, out _);
            }
        }
        return bytes.Length;
    }

    private static bool IsAsciiLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';
}

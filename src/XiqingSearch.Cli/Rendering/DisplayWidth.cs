namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// Terminal columns a string takes: East Asian wide and fullwidth characters (all of Chinese text and its
/// punctuation) take two, combining marks and controls none, the rest one. Carets and KWIC columns are
/// aligned with it, so they line up on screen rather than in UTF-16 units.
/// </summary>
internal static class DisplayWidth
{
    /// <summary>Columns of <paramref name="text"/>.</summary>
    public static int Of(string text) => Of(text.AsSpan());

    /// <summary>Columns of <paramref name="text"/>.</summary>
    public static int Of(ReadOnlySpan<char> text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Of(rune);
        }
        return width;
    }

    /// <summary>Columns of one code point.</summary>
    public static int Of(Rune rune)
    {
        var value = rune.Value;
        if (value < 0x20 || (value >= 0x7F && value < 0xA0))
        {
            return 0;
        }
        var category = Rune.GetUnicodeCategory(rune);
        if (category is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.EnclosingMark
            or System.Globalization.UnicodeCategory.Format)
        {
            return 0;
        }
        return IsWide(value) ? 2 : 1;
    }

    /// <summary>The longest suffix of <paramref name="text"/> that fits in <paramref name="columns"/>.</summary>
    public static string TakeLast(string text, int columns)
    {
        var width = 0;
        var start = text.Length;
        while (start > 0)
        {
            var index = char.IsLowSurrogate(text[start - 1]) && start >= 2 ? start - 2 : start - 1;
            var w = Of(text.AsSpan(index, start - index));
            if (width + w > columns)
            {
                break;
            }
            width += w;
            start = index;
        }
        return text[start..];
    }

    /// <summary>The longest prefix of <paramref name="text"/> that fits in <paramref name="columns"/>.</summary>
    public static string TakeFirst(string text, int columns)
    {
        var width = 0;
        var end = 0;
        while (end < text.Length)
        {
            var length = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            var w = Of(text.AsSpan(end, length));
            if (width + w > columns)
            {
                break;
            }
            width += w;
            end += length;
        }
        return text[..end];
    }

    /// <summary><paramref name="text"/> cut to <paramref name="columns"/> (with an ellipsis when cut) and padded
    /// with spaces on the right to exactly that width.</summary>
    public static string FitRight(string text, int columns)
    {
        var fitted = Of(text) <= columns ? text : TakeFirst(text, columns - 1) + "…";
        return fitted + new string(' ', columns - Of(fitted));
    }

    /// <summary>Spaces on the left so the text is exactly <paramref name="columns"/> wide (text must fit).</summary>
    public static string PadLeft(string text, int columns) => new string(' ', Math.Max(0, columns - Of(text))) + text;

    // East Asian Width W and F ranges (Unicode 15, UAX #11), merged where adjacent.
    private static bool IsWide(int c) =>
        (c >= 0x1100 && c <= 0x115F)
        || (c >= 0x231A && c <= 0x231B)
        || (c >= 0x2329 && c <= 0x232A)
        || (c >= 0x23E9 && c <= 0x23EC)
        || (c >= 0x25FD && c <= 0x25FE)
        || (c >= 0x2614 && c <= 0x2615)
        || (c >= 0x2E80 && c <= 0x303E)
        || (c >= 0x3041 && c <= 0x33FF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0xA000 && c <= 0xA4CF)
        || (c >= 0xA960 && c <= 0xA97F)
        || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE10 && c <= 0xFE19)
        || (c >= 0xFE30 && c <= 0xFE6F)
        || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6)
        || (c >= 0x1F300 && c <= 0x1F64F)
        || (c >= 0x1F900 && c <= 0x1F9FF)
        || (c >= 0x20000 && c <= 0x2FFFD)
        || (c >= 0x30000 && c <= 0x3FFFD);
}

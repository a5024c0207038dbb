namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// The JDK 17 legacy rule-based sentence <c>BreakIterator</c> for <c>Locale.ROOT</c> (spec §4), reduced to
/// its character classes and state table. It reads code points: a high surrogate followed by a low surrogate
/// inside the text is one code point of width 2, any other unit is a code point of width 1.
/// Deliberately not ICU/UAX #29, which breaks differently (for example at every line break). JDK-BREAKER
/// </summary>
internal static class SentenceBreaker
{
    // Class numbers of §4; Ignore leaves the state unchanged.
    internal const byte Comma = 0, Para = 1, Period = 2, Quote = 3, Term = 4, Upper = 5, Lower = 6, Danda = 7,
        Other = 8, Digit = 9, Close = 10, Open = 11, Space = 12, Ignore = 13;

    private const int ClassCount = 13;

    // §4 state table: row = state, column = class. State 0 is STOP, state 1 is START.
    private static readonly byte[] s_table =
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 2, 5, 1, 11, 1, 1, 3, 1, 1, 1, 1, 1,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 2, 5, 9, 11, 1, 1, 8, 8, 1, 5, 8, 6,
        1, 2, 5, 8, 11, 4, 1, 8, 8, 1, 1, 8, 7,
        1, 2, 5, 10, 11, 4, 4, 10, 10, 1, 1, 10, 7,
        1, 2, 5, 8, 11, 4, 4, 8, 8, 1, 1, 8, 1,
        1, 2, 5, 9, 11, 4, 4, 10, 10, 1, 5, 10, 6,
        0, 0, 0, 8, 0, 4, 4, 8, 8, 0, 0, 8, 0,
        0, 2, 11, 11, 11, 0, 0, 0, 0, 0, 11, 0, 12,
        0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12,
    ];

    // §4 flags per state: accepting and lookahead.
    private static readonly bool[] s_accepting = [false, true, true, true, true, false, false, false, false, false, false, true, true];
    private static readonly bool[] s_lookahead = [false, false, false, false, true, true, true, true, false, true, false, false, false];

    // Class of every BMP unit, computed once (a lone surrogate is a code point of its own: Cs → OTHER).
    private static readonly byte[] s_bmpClass = BuildBmpClasses();

    /// <summary>The sentence boundaries of <paramref name="text"/>: the ends of <c>[0,b1), [b1,b2), …</c>,
    /// the last being <c>text.Length</c>. Writes them into <paramref name="boundaries"/> and returns the count.</summary>
    public static int Split(ReadOnlySpan<char> text, List<int> boundaries)
    {
        boundaries.Clear();
        var p = 0;
        while (p < text.Length)
        {
            p = NextBoundary(text, p);
            boundaries.Add(p);
        }
        return boundaries.Count;
    }

    /// <summary>The next boundary after <paramref name="p"/> (§4 "Next boundary"); requires p &lt; length.</summary>
    public static int NextBoundary(ReadOnlySpan<char> text, int p)
    {
        var n = text.Length;
        var result = p + Width(text, p);
        var look = 0;
        var state = 1;
        var i = p;
        // A unit U+FFFF is END too: the JDK uses it as its "done" sentinel (§4).
        var atEnd = text[i] == '\uFFFF';
        while (!atEnd && state != 0)
        {
            var width = Width(text, i);
            var k = width == 2 ? ClassOf(char.ConvertToUtf32(text[i], text[i + 1])) : s_bmpClass[text[i]];
            if (k != Ignore)
            {
                state = s_table[(state * ClassCount) + k];
            }
            var next = Math.Min(i + width, n);
            if (s_lookahead[state])
            {
                if (s_accepting[state])
                {
                    result = look;
                }
                else
                {
                    look = next;
                }
            }
            else if (s_accepting[state])
            {
                result = next;
            }
            i = next;
            atEnd = i >= n || text[i] == '\uFFFF';
        }
        if (atEnd && look == n)
        {
            result = n;
        }
        return result;
    }

    private static int Width(ReadOnlySpan<char> text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    /// <summary>The §4 class of a code point, as the JDK 17 tables (Unicode 13.0) see it.</summary>
    internal static byte ClassOf(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            return s_bmpClass[codePoint];
        }
        // §4 quirks of the JDK's supplementary table, which take precedence.
        if (Array.BinarySearch(JdkUnicodeOverrides.SupplementaryCommas, codePoint) >= 0)
        {
            return Comma;
        }
        if (JdkUnicodeOverrides.Lookup(codePoint) is { } overridden)
        {
            return overridden;
        }
        return ClassOfCategory(CharUnicodeInfo.GetUnicodeCategory(codePoint));
    }

    private static byte[] BuildBmpClasses()
    {
        var classes = new byte[65536];
        for (var c = 0; c < classes.Length; c++)
        {
            classes[c] = c switch
            {
                0x002C => Comma,
                0x2029 => Para,
                0x002E or 0xFF0E => Period,
                0x0022 or 0x0027 => Quote,
                0x0021 or 0x003F or 0x3002 or 0xFF01 or 0xFF1F => Term,
                0x0964 or 0x0965 => Danda,
                0x0009 or 0x000A or 0x000C or 0x000D or 0x2028 => Space,
                _ => JdkUnicodeOverrides.Lookup(c) ?? ClassOfCategory(CharUnicodeInfo.GetUnicodeCategory(c)),
            };
        }
        return classes;
    }

    private static byte ClassOfCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.SpaceSeparator => Space,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format => Ignore,
        UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter => Upper,
        UnicodeCategory.LowercaseLetter => Lower,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => Digit,
        UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation => Close,
        UnicodeCategory.OpenPunctuation or UnicodeCategory.InitialQuotePunctuation => Open,
        _ => Other,
    };
}

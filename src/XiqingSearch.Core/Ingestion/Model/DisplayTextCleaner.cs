
namespace XiqingSearch.Core.Ingestion.Model;

/// <summary>
/// Makes display text from source lines. The words are kept exactly; only whitespace changes: runs collapse to
/// one space, and a space next to a CJK character (ideograph, CJK or full-width punctuation, quotes and dashes) is
/// removed, so "2023 年" becomes "2023年" and "政 府 工 作 报 告" becomes "政府工作报告". A space between two
/// Latin/digit runs ("5G AI") stays, and so does a space the source put between an ideograph and a Latin word
/// ("企业 and 科技"), which a reader needs; a line break there (a wrapped line) is not such a space.
/// </summary>
internal static class DisplayTextCleaner
{
    /// <summary>Cleans one piece of text (which may span several joined lines).</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingIsLineBreakOnly = true;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                pendingIsLineBreakOnly = (!pendingSpace || pendingIsLineBreakOnly) && c is '\n' or '\r';
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace && Keeps(builder[^1], c, pendingIsLineBreakOnly))
            {
                builder.Append(' ');
            }
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Joins wrapped lines, then cleans: a line break is a softer space than a typed one.</summary>
    public static string Join(IEnumerable<string> lines) => Clean(string.Join('\n', lines));

    private static bool Keeps(char before, char after, bool lineBreakOnly) =>
        (!IsWide(before) && !IsWide(after))
        || (!lineBreakOnly && ((IsLatinLetter(before) && IsIdeograph(after)) || (IsIdeograph(before) && IsLatinLetter(after))));

    private static bool IsLatinLetter(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z');

    private static bool IsIdeograph(char c) =>
        c is (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') || char.IsSurrogate(c);

    /// <summary>The text with every whitespace character removed (for comparisons that ignore layout).</summary>
    public static string Squeeze(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Whitespace, including the ideographic space and no-break space.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u3000' || c == '\u00A0';

    /// <summary>True for characters that take no space next to them in Chinese text.</summary>
    public static bool IsWide(char c) =>
        (c is (>= '\u2E80' and <= '\u9FFF')      // CJK radicals, punctuation, kana, ideographs
            or (>= '\uF900' and <= '\uFAFF')    // compatibility ideographs
            or (>= '\uFE30' and <= '\uFE4F')    // CJK compatibility forms (﹝﹞)
            or (>= '\uFF00' and <= '\uFFEF')    // full-width forms （），：
            or (>= '\u2010' and <= '\u206F')    // general punctuation: “”‘’——…
            or (>= '\u2160' and <= '\u218F'))   // Roman numerals (Ⅲ)
        || char.IsSurrogate(c);                 // CJK extension ideographs
}

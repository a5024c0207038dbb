
namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Cleans text taken out of a layout format so the stored text shows what a reader sees: ligatures (ﬁ ﬂ ﬃ) become
/// their letters, soft hyphens (invisible unless a word breaks there) go, and private-use code points (glyphs a font
/// maps to no character: icons, bullets) are dropped, as are zero-width characters and other invisible controls.
/// Radical look-alikes (CJK radicals supplement ⺠, Kangxi radicals ⼈) and compatibility ideographs become the
/// ideographs a reader sees (民, 人), one UTF-16 unit for one.
/// </summary>
internal static class ExtractedText
{
    /// <summary>U+FB00–U+FB06 spelled out (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ).</summary>
    private static readonly string[] Ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    public static string Clean(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' => string.Empty,
                >= '\uFB00' and <= '\uFB06' => Ligatures[c - '\uFB00'],
                // A font's glyph for 人 reverse-mapped to the Kangxi radical ⼈, for 民 to the supplement's ⺠, or
                // to a compatibility ideograph: the reader sees the ideograph, so it is shown and exported as one.
                _ when IdeographForms.Unified(c) is char unified => unified.ToString(),
                >= '\uE000' and <= '\uF8FF' => string.Empty,
                '\t' or '\u00A0' or '\u3000' => null,
                _ when char.IsHighSurrogate(c) && i + 1 < text.Length && IsSupplementaryPrivateUse(char.ConvertToUtf32(c, text[i + 1])) => string.Empty,
                _ when char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])
                    && IsSupplementaryPrivateUse(char.ConvertToUtf32(text[i - 1], c)) => string.Empty,
                _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Control => " ",
                _ => null,
            };
            if (replacement is null)
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(text, 0, i, text.Length);
            builder.Append(replacement);
        }
        return builder?.ToString() ?? text;
    }

    private static bool IsSupplementaryPrivateUse(int codePoint) => codePoint >= 0xF0000;
}

namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// The per-unit character types of the segmenter (spec §5), from a 64K table built once.
/// </summary>
internal static class CharType
{
    public const byte Surrogate = 0, Hanzi = 1, Letter = 2, Digit = 3, SpaceLike = 4, Delimiter = 5,
        FullWidthLetter = 6, FullWidthDigit = 7, Other = 8;

    private static readonly byte[] s_types = Build();

    /// <summary>The §5 type of <paramref name="c"/>.</summary>
    public static byte Of(char c) => s_types[c];

    // §5: the first matching rule decides, so the rules are applied in the spec's order.
    private static byte Compute(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => Surrogate,
        >= '\u4E00' and <= '\u9FA5' => Hanzi,
        (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') => Letter,
        >= '0' and <= '9' => Digit,
        ' ' or '\t' or '\r' or '\n' or '\u3000' => SpaceLike,
        (>= '\u0021' and <= '\u00BB') or (>= '\u2010' and <= '\u2642') or (>= '\u3001' and <= '\u301E') => Delimiter,
        (>= '\uFF21' and <= '\uFF3A') or (>= '\uFF41' and <= '\uFF5A') => FullWidthLetter,
        >= '\uFF10' and <= '\uFF19' => FullWidthDigit,
        >= '\uFE30' and <= '\uFF63' => Delimiter,
        _ => Other,
    };

    private static byte[] Build()
    {
        var types = new byte[65536];
        for (var c = 0; c < types.Length; c++)
        {
            types[c] = Compute((char)c);
        }
        return types;
    }
}

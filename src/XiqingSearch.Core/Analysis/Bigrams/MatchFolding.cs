namespace XiqingSearch.Core.Analysis.Bigrams;

/// <summary>
/// The one definition of "the same text" for exact phrase matching: whitespace (including U+3000 and zero-width
/// characters) is dropped, full-width ASCII is folded to ASCII, letters are lower-cased, and traditional, radical
/// and compatibility forms of an ideograph are folded to the simplified one (one unit for one, offsets kept). The character index field,
/// the query side and the highlighter all use this class, so a phrase found by the index is exactly a substring of
/// the normalised paragraph and its highlight is exactly that substring's original span.
/// </summary>
public static class MatchFolding
{
    /// <summary>
    /// <see cref="Fold"/> of every UTF-16 unit, and <see cref="IsIgnorable"/> as bits, computed once (about 1 ms):
    /// folding a shown hit's text for its highlights called the culture's lower-casing per character, a third of
    /// the folding's time.
    /// </summary>
    private static readonly char[] s_folded = BuildFolded();

    private static readonly ulong[] s_ignorable = BuildIgnorable();

    /// <summary>True for units that never take part in matching: whitespace, zero-width spaces, soft hyphens, BOM.</summary>
    public static bool IsIgnorable(char c) => (s_ignorable[c >> 6] & (1UL << c)) != 0;

    /// <summary>
    /// Folds one unit: full-width ASCII (U+FF01–U+FF5E) to ASCII, then lower case, then the character's variants
    /// (<see cref="VariantFolding"/>: traditional, radical and compatibility forms to the simplified ideograph).
    /// </summary>
    public static char Fold(char c) => s_folded[c];

    private static char FoldOnce(char c)
    {
        if (c >= '\uFF01' && c <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
        return char.IsSurrogate(c) ? c : VariantFolding.Fold(char.ToLowerInvariant(c));
    }

    /// <summary>The normalised form of <paramref name="text"/> (no offset map), for queries and comparisons.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (!IsIgnorable(c))
            {
                buffer[n++] = Fold(c);
            }
        }
        return new string(buffer[..n]);
    }

    /// <summary>
    /// The normalised form of <paramref name="text"/> with, for each normalised unit, the index of the original unit
    /// it came from (<paramref name="sourceIndex"/>[i]). The arrays are owned by the caller.
    /// </summary>
    public static string Normalize(string text, out int[] sourceIndex)
    {
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        var map = new int[text.Length];
        var folded = s_folded;
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsIgnorable(c))
            {
                buffer[n] = folded[c];
                map[n] = i;
                n++;
            }
        }
        Array.Resize(ref map, n);
        sourceIndex = map;
        var result = new string(buffer, 0, n);
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return result;
    }

    // The tables are made once, at the first fold of the process (often a first suggestion or search in a fresh
    // process): compiled optimised at once rather than run at the JIT's lowest tier over 65,536 characters.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static char[] BuildFolded()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = FoldOnce((char)c);
        }
        return table;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static ulong[] BuildIgnorable()
    {
        var bits = new ulong[(char.MaxValue + 1) / 64];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsWhiteSpace((char)c) || c is '\u200B' or '\u200C' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                bits[c >> 6] |= 1UL << c;
            }
        }
        return bits;
    }
}

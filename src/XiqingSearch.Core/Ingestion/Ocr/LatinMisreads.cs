namespace XiqingSearch.Core.Ingestion.Ocr;

/// <summary>
/// With Chinese and English models together (<c>chi_sim+eng</c>), Tesseract sometimes takes a line of bold or large
/// Chinese (a heading such as <c>（三）京津冀协同发展走深走实</c>) for English and writes Latin letters
/// (<c>(=)BREESEDMA]AETRE</c>): the line is lost to search. Such a page is recognised once more with the Chinese
/// models alone, and that reading is kept when it has fewer such lines. Pages without them cost nothing more, and
/// English words in the text (<c>GDP</c>, <c>5G</c>) stay readable on every other page.
/// </summary>
internal static class LatinMisreads
{
    /// <summary>The languages of the second reading (the CJK ones), or null when there is no second reading: the
    /// languages are all CJK, or none is.</summary>
    public static string? CjkOnly(string languages)
    {
        var all = languages.Split('+', StringSplitOptions.RemoveEmptyEntries);
        var cjk = all.Where(l => l.StartsWith("chi_", StringComparison.Ordinal) || l.StartsWith("jpn", StringComparison.Ordinal)
            || l.StartsWith("kor", StringComparison.Ordinal)).ToList();
        return cjk.Count > 0 && cjk.Count < all.Length ? string.Join('+', cjk) : null;
    }

    /// <summary>Lines that read as runs of Latin letters where a Chinese page has ideographs: at least four Latin
    /// letters, making up at least 30% of the line's letters and ideographs, on a page that is mostly ideographs.</summary>
    public static int Count(IReadOnlyList<OcrLine> lines)
    {
        var ideographs = lines.Sum(l => l.Text.Count(IsIdeograph));
        var latin = lines.Sum(l => l.Text.Count(char.IsAsciiLetter));
        if (ideographs < latin * 2)
        {
            // A page mostly in Latin script: its Latin lines are text.
            return 0;
        }
        return lines.Count(l =>
        {
            var letters = l.Text.Count(char.IsAsciiLetter);
            return letters >= 4 && letters * 10 >= (letters + l.Text.Count(IsIdeograph)) * 3;
        });
    }

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}

using System.Text;
using XiqingSearch.Core.Analysis.Bigrams;

namespace XiqingSearch.Core.Tests.Ingestion.Ocr;

/// <summary>
/// How good OCR text is against the printed text, measured by brute force: character accuracy (1 − edit distance ÷
/// the printed length) and phrase recall (how many occurrences of phrases sampled from the printed text occur in the
/// OCR text, exactly and within one edit for 4–7 characters or two for 8 and more).
/// </summary>
internal static class OcrMeasures
{
    /// <summary>Whitespace dropped, every unit folded as matching folds it (full width, case, variants).</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!MatchFolding.IsIgnorable(c))
            {
                folded.Append(MatchFolding.Fold(c));
            }
        }
        return folded.ToString();
    }

    public static double CharacterAccuracy(string truth, string ocr) =>
        1.0 - (double)Distance(truth, ocr) / Math.Max(1, truth.Length);

    /// <summary>Phrases of 4, 6, 8 and 10 characters starting every 5 characters of <paramref name="truth"/>, of
    /// letters, digits and ideographs only (punctuation is where OCR and print differ least usefully).</summary>
    public static List<string> SamplePhrases(string truth)
    {
        var phrases = new List<string>();
        foreach (var length in new[] { 4, 6, 8, 10 })
        {
            for (var start = 0; start + length <= truth.Length; start += 5)
            {
                var phrase = truth.Substring(start, length);
                if (phrase.All(char.IsLetterOrDigit))
                {
                    phrases.Add(phrase);
                }
            }
        }
        return [.. phrases.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Occurrences found ÷ occurrences printed, over every phrase; an occurrence counts once at most as
    /// often as it is printed.</summary>
    public static (double Exact, double Approximate) PhraseRecall(string truth, string ocr, IReadOnlyList<string> phrases)
    {
        double printed = 0, exact = 0, approximate = 0;
        foreach (var phrase in phrases)
        {
            var want = Count(truth, phrase, 0);
            printed += want;
            exact += Math.Min(want, Count(ocr, phrase, 0));
            approximate += Math.Min(want, Count(ocr, phrase, phrase.Length >= 8 ? 2 : 1));
        }
        return (exact / printed, approximate / printed);
    }

    /// <summary>Non-overlapping places where <paramref name="pattern"/> occurs in <paramref name="text"/> within
    /// <paramref name="edits"/> edits (Sellers: edit distance with a free start in the text).</summary>
    public static int Count(string text, string pattern, int edits)
    {
        var m = pattern.Length;
        var column = new int[m + 1];
        for (var i = 0; i <= m; i++)
        {
            column[i] = i;
        }
        var count = 0;
        var blockedUntil = -1;
        for (var j = 0; j < text.Length; j++)
        {
            var diagonal = column[0];
            column[0] = 0;
            for (var i = 1; i <= m; i++)
            {
                var above = column[i];
                column[i] = Math.Min(Math.Min(column[i] + 1, column[i - 1] + 1), diagonal + (pattern[i - 1] == text[j] ? 0 : 1));
                diagonal = above;
            }
            if (column[m] <= edits && j > blockedUntil)
            {
                count++;
                // The next occurrence starts after this one: skip what this match may still extend over.
                blockedUntil = j + m - edits - 1;
            }
        }
        return count;
    }

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

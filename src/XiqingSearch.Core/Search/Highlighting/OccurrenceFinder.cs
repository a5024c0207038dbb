using XiqingSearch.Core.Analysis.Bigrams;

namespace XiqingSearch.Core.Search.Highlighting;

/// <summary>
/// Every occurrence of the query's phrases in a paragraph, as spans of the original text. The character field
/// matches a phrase exactly where its normalised form is a substring of the normalised paragraph, so scanning the
/// normalised stored text finds exactly the occurrences the index matched, with the offsets the index holds.
/// Overlapping or touching occurrences (西青 and 西青区, or 哈哈 twice in 哈哈哈) merge into one span, so spans are
/// sorted and never overlap.
/// </summary>
internal static class OccurrenceFinder
{
    public static IReadOnlyList<TextSpan> Find(FoldedText text, IEnumerable<string> normalizedPhrases)
    {
        var found = new List<(int Start, int End)>();
        foreach (var phrase in normalizedPhrases)
        {
            if (phrase.Length == 0)
            {
                continue;
            }
            var at = text.Text.IndexOf(phrase, StringComparison.Ordinal);
            while (at >= 0)
            {
                found.Add((at, at + phrase.Length));
                at = text.Text.IndexOf(phrase, at + 1, StringComparison.Ordinal);
            }
        }
        if (found.Count == 0)
        {
            return [];
        }
        found.Sort();
        var spans = new List<TextSpan>(found.Count);
        var (start, end) = found[0];
        for (var i = 1; i < found.Count; i++)
        {
            if (found[i].Start < end)
            {
                end = Math.Max(end, found[i].End);
                continue;
            }
            spans.Add(text.ToOriginal(start, end));
            (start, end) = found[i];
        }
        spans.Add(text.ToOriginal(start, end));
        return spans;
    }
}


namespace XiqingSearch.Core.Search.Highlighting;

/// <summary>
/// Cuts the text around the first matches: the window starts a little before the first occurrence, at the start
/// of its clause when one is near, takes in as many following occurrences as fit, and ends at a clause end when
/// one is near. Cuts are marked with an ellipsis. Short paragraphs are returned whole.
/// </summary>
internal static class SnippetBuilder
{
    /// <summary>Target length of a snippet, in UTF-16 units.</summary>
    public const int MaxLength = 160;

    private const int LeadIn = 40;
    private const char Ellipsis = '…';
    private const string ClauseEnds = "。！？；，、：!?;,:";

    public static Snippet Build(string text, IReadOnlyList<TextSpan> highlights)
    {
        if (text.Length <= MaxLength)
        {
            return new Snippet(text, highlights);
        }
        var first = highlights.Count > 0 ? highlights[0] : new TextSpan(0, 0);
        var start = Math.Max(0, first.Start - LeadIn);
        // Prefer to start just after a clause end between the lead-in start and the first match.
        for (var i = first.Start - 1; i >= start; i--)
        {
            if (ClauseEnds.Contains(text[i]))
            {
                start = i + 1;
                break;
            }
        }
        start = AvoidSplittingPair(text, start);
        var end = Math.Min(text.Length, start + MaxLength);
        if (end < first.End)
        {
            end = first.End; // a very long phrase: the snippet shows all of it
        }
        // Prefer to end right after a clause end in the last quarter of the window, but never inside a highlight.
        for (var i = end - 1; i > start + MaxLength * 3 / 4 && end < text.Length; i--)
        {
            if (ClauseEnds.Contains(text[i]) && !Inside(highlights, i))
            {
                end = i + 1;
                break;
            }
        }
        foreach (var span in highlights)
        {
            if (span.Start < end && span.End > end)
            {
                end = span.End; // never cut an occurrence in two
            }
        }
        end = AvoidSplittingPair(text, end);

        var builder = new StringBuilder(end - start + 2);
        var shift = -start;
        if (start > 0)
        {
            builder.Append(Ellipsis);
            shift += 1;
        }
        builder.Append(text, start, end - start);
        if (end < text.Length)
        {
            builder.Append(Ellipsis);
        }
        var inside = highlights
            .Where(h => h.Start >= start && h.End <= end)
            .Select(h => new TextSpan(h.Start + shift, h.End + shift) { Approximate = h.Approximate })
            .ToList();
        return new Snippet(builder.ToString(), inside);
    }

    private static bool Inside(IReadOnlyList<TextSpan> spans, int index) => spans.Any(s => index >= s.Start && index < s.End);

    private static int AvoidSplittingPair(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]) ? index - 1 : index;
}

using System.Globalization;
using XiqingSearch.Core.Results;
using XiqingSearch.Core.Search;

namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// <c>--format text</c>, the default: a header with the totals, the per-year chart, then each hit as
/// <c>year · title · chapter path · topic</c> and its paragraph (its snippet when the paragraph is long) with every
/// occurrence highlighted. Colour only on a terminal without <c>NO_COLOR</c>.
/// </summary>
internal static class TextRenderer
{
    /// <summary>Paragraphs longer than this many characters are shown as their snippet.</summary>
    public const int LongParagraphChars = 300;

    private const string HighlightStyle = "bold black on yellow";

    /// <summary>Writes the whole response.</summary>
    public static void Write(SearchResponse response, StyledWriter output)
    {
        var documents = response.Facets.Doc.Count(d => d.Count > 0);
        output
            .Append(response.Query, "bold")
            .Append(string.Create(CultureInfo.InvariantCulture,
                $": {Plural(response.TotalOccurrences, "occurrence")} in {Plural(response.TotalHits, "paragraph")} of {Plural(documents, "document")}"))
            .Append(string.Create(CultureInfo.InvariantCulture, $" ({response.TookMs:0.#} ms)"), "dim")
            .EndLine();
        if (response.TotalHits == 0)
        {
            return;
        }
        YearChart.Write(response.Facets.Year, output);
        output.Line();

        var number = response.Offset;
        foreach (var hit in response.Hits)
        {
            number++;
            WriteHit(hit, number, output);
            output.Line();
        }

        var shown = response.Hits.Count;
        if (response.Offset + shown < response.TotalHits)
        {
            output.Line(string.Create(CultureInfo.InvariantCulture,
                $"Showing {response.Offset + 1}–{response.Offset + shown} of {response.TotalHits}; --offset {response.Offset + shown} for the next page, --all for every hit."), "dim");
        }
    }

    private static void WriteHit(SearchHit hit, int number, StyledWriter output)
    {
        output
            .Append(number.ToString(CultureInfo.InvariantCulture) + ". ", "dim")
            .Append(hit.Year.ToString(CultureInfo.InvariantCulture), "bold cyan")
            .Append(" · ")
            .Append(hit.Title, "bold")
            .Append(" · ")
            .Append(hit.Chapter.Count == 0 ? "(no chapter)" : ChapterPath.Join(hit.Chapter), "blue")
            .Append(" · ")
            .Append(hit.Topic, "magenta")
            .Append("  " + hit.Id, "dim");
        if (PageLabel.Of(hit.FirstPage, hit.LastPage) is { } page)
        {
            output.Append("  " + page, "dim");
        }
        output.EndLine();

        var useSnippet = hit.Text.Length > LongParagraphChars && hit.Snippet.Length > 0;
        var text = useSnippet ? hit.Snippet : hit.Text;
        var spans = useSnippet ? hit.SnippetHighlights : hit.Highlights;
        output.Append("   ");
        AppendHighlighted(text, spans, output);
        output.EndLine();
    }

    /// <summary>Appends <paramref name="text"/> with <paramref name="spans"/> highlighted; line breaks become spaces.</summary>
    public static void AppendHighlighted(string text, IReadOnlyList<TextSpan> spans, StyledWriter output)
    {
        var position = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            var start = Math.Clamp(span.Start, position, text.Length);
            var end = Math.Clamp(span.End, start, text.Length);
            if (start > position)
            {
                output.Append(TextWindow.Flatten(text[position..start]));
            }
            if (end > start)
            {
                output.Append(TextWindow.Flatten(text[start..end]), HighlightStyle);
            }
            position = end;
        }
        if (position < text.Length)
        {
            output.Append(TextWindow.Flatten(text[position..]));
        }
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}

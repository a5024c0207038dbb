using XiqingSearch.Core.Export;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// <c>--format text</c>, the default: a header with the totals, the per-year chart, then each hit as
/// <c>year · title · issuer · 文号 · chapter path · topic</c> (the unknown year as 年份未知) and its paragraph (its snippet when the paragraph is long) with every
/// occurrence highlighted; a hit recognised from a scan is labelled 识别文本，可能有误 (with its confidence), and one
/// matched approximately 近似. Colour only on a terminal without <c>NO_COLOR</c>.
/// </summary>
internal static class TextRenderer
{
    /// <summary>Paragraphs longer than this many characters are shown as their snippet.</summary>
    public const int LongParagraphChars = 300;

    /// <summary>Columns a hit's text (and its header's continuation lines) are indented by.</summary>
    private const int HitIndent = 3;

    private const string HighlightStyle = "bold black on yellow";

    /// <summary>Writes the whole response.</summary>
    public static void Write(SearchResponse response, StyledWriter output)
    {
        // The doc facet ignores a --doc filter; the hits are in the selected documents only.
        var selectedDocs = response.Facets.Doc.Where(d => d.Selected).ToList();
        var documents = (selectedDocs.Count > 0 ? selectedDocs : response.Facets.Doc).Count(d => d.Count > 0)
            + (selectedDocs.Count > 0 ? 0 : response.FacetsOmitted?.GetValueOrDefault("doc")?.Values ?? 0);
        // A query of filters alone (year:2024) matches paragraphs but has no text to count occurrences of.
        var counts = response.TotalOccurrences == 0 && response.TotalHits > 0
            ? CliText.Get("search.paragraphs", response.TotalHits, CliText.Plural(response.TotalHits), documents, CliText.Plural(documents))
            : CliText.Get("search.counts", response.TotalOccurrences, CliText.Plural(response.TotalOccurrences),
                response.TotalHits, CliText.Plural(response.TotalHits), documents, CliText.Plural(documents));
        output
            .Append(response.Query, "bold")
            .Append(": " + counts)
            .Append(string.Create(CultureInfo.InvariantCulture, $" ({response.TookMs:0.#} ms)"), "dim")
            .EndLine();
        HintRenderer.Write(response.Hints, output);
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
        if (shown == 0 && response.Offset >= response.TotalHits)
        {
            var lastPage = Math.Max(0, (response.TotalHits - 1) / Math.Max(1, response.Limit) * Math.Max(1, response.Limit));
            output.Line(CliText.Get("search.pastLast", response.Offset, response.TotalHits, lastPage), "yellow");
        }
        else if (response.Offset + shown < response.TotalHits)
        {
            output.Line(CliText.Get("search.showing", response.Offset + 1, response.Offset + shown, response.TotalHits, response.Offset + shown), "dim");
        }
    }

    private static void WriteHit(SearchHit hit, int number, StyledWriter output)
    {
        output
            .Append(number.ToString(CultureInfo.InvariantCulture) + ". ", "dim")
            .Append(YearLabel.Of(hit.Year), "bold cyan")
            .Append(" · ")
            .Append(hit.Title, "bold")
            .Append(YearLabel.Facts(hit.Issuer, hit.Number) is { Length: > 0 } facts ? " · " + facts : string.Empty, "dim")
            .Append(" · ")
            .Append(hit.Chapter.Count == 0 ? CliText.Get("search.noChapter") : ChapterPath.Join(hit.Chapter), "blue")
            .Append(" · ")
            .Append(hit.Topic, "magenta")
            .Append("  " + hit.Id, "dim");
        if (PageLabel.Of(hit.FirstPage, hit.LastPage) is { } page)
        {
            output.Append("  " + page, "dim");
        }
        if (OcrLabel.Of(hit.Ocr, hit.OcrConfidence) is { } recognised)
        {
            output.Append("  " + recognised, "yellow");
        }
        if (hit.Highlights.Any(h => h.Approximate))
        {
            output.Append("  " + OcrLabel.Approximate, "bold yellow");
        }
        output.EndLine(HitIndent);

        var useSnippet = hit.Text.Length > LongParagraphChars && hit.Snippet.Length > 0;
        var text = useSnippet ? hit.Snippet : hit.Text;
        var spans = useSnippet ? hit.SnippetHighlights : hit.Highlights;
        output.Append(new string(' ', HitIndent));
        AppendHighlighted(text, spans, output);
        output.EndLine(HitIndent);
    }

    /// <summary>Appends <paramref name="text"/> with <paramref name="spans"/> highlighted; line breaks become spaces.</summary>
    public static void AppendHighlighted(string text, IReadOnlyList<TextSpan> spans, StyledWriter output,
        (string Open, string Close)? plainMarks = null)
    {
        // Without colour the match would be invisible: mark it as show has always done, unless the caller chose.
        plainMarks ??= output.IsColored ? null : StyledWriter.PlainMatchMarks;
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
                var match = TextWindow.Flatten(text[start..end]);
                output.Append(plainMarks is { } marks ? marks.Open + match + marks.Close : match, HighlightStyle);
            }
            position = end;
        }
        if (position < text.Length)
        {
            output.Append(TextWindow.Flatten(text[position..]));
        }
    }

}

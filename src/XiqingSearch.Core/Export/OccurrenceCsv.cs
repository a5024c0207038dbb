using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Export;

/// <summary>
/// Every occurrence of every hit as CSV, the one format <c>xiqing search --format csv</c> and
/// <c>GET /api/search?format=csv</c> both write: a header row and one row per occurrence, RFC 4180 (fields with a
/// comma, quote, CR or LF are quoted, quotes doubled, records end with CRLF), preceded by a UTF-8 byte order mark
/// so Excel reads the Chinese text as UTF-8. <c>left</c> and <c>right</c> hold the paragraph's text before and after the
/// match (up to <see cref="ContextChars"/> characters each, line breaks as spaces); <c>chapter</c> is the heading path
/// joined with <see cref="ChapterPath.Separator"/>; <c>year</c> is empty for the unknown year. The document's metadata
/// (<c>number</c> … <c>source_url</c>) comes after the columns older exports had, so a sheet built on them still
/// finds its columns where they were; a field the document does not have is empty. Last come <c>ocr</c> (true when
/// the paragraph was recognised from a scan), <c>ocr_confidence</c> (0..1, empty when unknown) and
/// <c>approximate</c> (true when the occurrence was matched approximately on recognised text).
/// Every field that a spreadsheet would take for a formula (one
/// starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) is written with a leading apostrophe, OWASP's
/// rule against CSV injection, so that Excel and LibreOffice show it as text and never run it.
/// </summary>
public static class OccurrenceCsv
{
    /// <summary>
    /// Characters of context each side of the match: enough for the whole paragraph before and after it (a reader
    /// filters and reads the sheet without going back to the documents), still a bound on a row's size.
    /// </summary>
    public const int ContextChars = 2000;

    /// <summary>The media type, with its charset.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["doc", "year", "title", "chapter", "topic", "paragraph", "left", "match", "right", "kind", "first_line", "last_line", "first_page", "last_page", "id",
            "number", "issuer", "written_date", "published_date", "source_url",
            "ocr", "ocr_confidence", "approximate"];

    /// <summary>Writes the BOM, the header and one row per occurrence of the response's hits. The writer must encode UTF-8.</summary>
    public static void Write(SearchResponse response, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(response);
        Write(response.Hits, output);
    }

    /// <summary>
    /// As <see cref="Write(SearchResponse, TextWriter)"/> for hits made one at a time (an export's batches): each
    /// hit is written and let go before the next is asked for.
    /// </summary>
    public static void Write(IEnumerable<SearchHit> hits, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write('\uFEFF');
        foreach (var record in Records(hits))
        {
            WriteRecord(output, record);
        }
        output.Flush();
    }

    /// <summary>The header, then one record per occurrence, made one at a time (for writers that stream).</summary>
    public static IEnumerable<IReadOnlyList<string>> Records(SearchResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Records(response.Hits);
    }

    /// <summary>The header, then one record per occurrence of <paramref name="hits"/>, each hit read when its rows are.</summary>
    public static IEnumerable<IReadOnlyList<string>> Records(IEnumerable<SearchHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        return Iterate(hits);

        static IEnumerable<IReadOnlyList<string>> Iterate(IEnumerable<SearchHit> hits)
        {
            yield return Columns;
            foreach (var hit in hits)
            {
                foreach (var span in hit.Highlights)
                {
                    if (span.Start < 0 || span.End > hit.Text.Length || span.Start >= span.End)
                    {
                        continue;
                    }
                    yield return Row(hit, span);
                }
            }
        }
    }

    private static string[] Row(SearchHit hit, TextSpan span) =>
    [
        hit.Doc,
        hit.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        hit.Title,
        ChapterPath.Join(hit.Chapter),
        hit.Topic,
        hit.Paragraph.ToString(CultureInfo.InvariantCulture),
        TextWindow.Before(hit.Text, span.Start, ContextChars),
        hit.Text[span.Start..span.End],
        TextWindow.After(hit.Text, span.End, ContextChars),
        hit.Kind,
        hit.FirstLine.ToString(CultureInfo.InvariantCulture),
        hit.LastLine.ToString(CultureInfo.InvariantCulture),
        hit.FirstPage?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        hit.LastPage?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        hit.Id,
        hit.Number ?? string.Empty,
        hit.Issuer ?? string.Empty,
        hit.WrittenDate ?? string.Empty,
        hit.PublishedDate ?? string.Empty,
        hit.SourceUrl ?? string.Empty,
        hit.Ocr ? "true" : "false",
        hit.OcrConfidence?.ToString("0.###", CultureInfo.InvariantCulture) ?? string.Empty,
        span.Approximate ? "true" : "false",
    ];

    /// <summary>One record, CRLF-terminated.</summary>
    public static void WriteRecord(TextWriter output, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }
            output.Write(Quote(fields[i]));
        }
        output.Write("\r\n");
    }

    /// <summary>The field as RFC 4180 wants it, defused first: quoted (inner quotes doubled) only when it must be.</summary>
    public static string Quote(string field)
    {
        var safe = Defuse(field);
        return safe.AsSpan().IndexOfAny(",\"\r\n") < 0 ? safe : "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// The field with an apostrophe in front when its first character would make a spreadsheet read it as a
    /// formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, CR): the apostrophe is the spreadsheets' own mark for
    /// "this cell is text", so the cell shows the field as written and nothing is evaluated. The columns this
    /// project writes hold no negative numbers, so no number is turned into text by the rule.
    /// </summary>
    public static string Defuse(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;
}

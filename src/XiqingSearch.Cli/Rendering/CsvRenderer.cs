using System.Globalization;
using XiqingSearch.Core.Search;

namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// <c>--format csv</c>: a header row and one row per occurrence, RFC 4180 (fields with a comma, quote, CR or LF
/// are quoted, quotes doubled, records end with CRLF), preceded by a UTF-8 byte order mark so Excel reads the
/// Chinese text as UTF-8. <c>left</c> and <c>right</c> hold up to <see cref="ContextChars"/> characters of the
/// paragraph around the match; <c>chapter</c> is the heading path joined with <see cref="ChapterPath.Separator"/>.
/// </summary>
internal static class CsvRenderer
{
    /// <summary>Characters of context each side of the match.</summary>
    public const int ContextChars = 40;

    /// <summary>The column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["doc", "year", "title", "chapter", "topic", "paragraph", "left", "match", "right", "kind", "first_line", "last_line", "first_page", "last_page", "id"];

    /// <summary>Writes the BOM, the header and the rows. The writer must encode UTF-8.</summary>
    public static void Write(SearchResponse response, TextWriter output)
    {
        output.Write('\uFEFF');
        WriteRecord(output, Columns);
        foreach (var occurrence in Occurrence.All(response))
        {
            var hit = occurrence.Hit;
            WriteRecord(output,
            [
                hit.Doc,
                hit.Year.ToString(CultureInfo.InvariantCulture),
                hit.Title,
                ChapterPath.Join(hit.Chapter),
                hit.Topic,
                hit.Paragraph.ToString(CultureInfo.InvariantCulture),
                TextWindow.Before(hit.Text, occurrence.Span.Start, ContextChars),
                occurrence.Match,
                TextWindow.After(hit.Text, occurrence.Span.End, ContextChars),
                hit.Kind,
                hit.FirstLine.ToString(CultureInfo.InvariantCulture),
                hit.LastLine.ToString(CultureInfo.InvariantCulture),
                hit.FirstPage?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                hit.LastPage?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                hit.Id,
            ]);
        }
        output.Flush();
    }

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

    /// <summary>The field as RFC 4180 wants it: quoted (inner quotes doubled) only when it must be.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

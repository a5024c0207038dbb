using XiqingSearch.Core.Search.Analytics;

namespace XiqingSearch.Core.Export;

/// <summary>
/// A comparison as CSV, the one format <c>xiqing compare --format csv</c> and <c>GET /api/compare?format=csv</c>
/// both write: a UTF-8 byte order mark, a header row, then one row per phrase × column (year, or a multi-year
/// document's own period), RFC 4180 and defused as <see cref="OccurrenceCsv"/> writes.
/// </summary>
public static class CompareCsv
{
    /// <summary>The column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["phrase", "year", "period", "occurrences", "paragraphs", "documents", "per10k", "total", "first_year", "last_year"];

    /// <summary>Writes the BOM, the header and the rows. The writer must encode UTF-8.</summary>
    public static void Write(CompareResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        output.Write('\uFEFF');
        OccurrenceCsv.WriteRecord(output, Columns);
        foreach (var row in result.Rows)
        {
            foreach (var cell in row.Cells)
            {
                OccurrenceCsv.WriteRecord(output,
                [
                    row.Phrase,
                    Number(cell.Year),
                    cell.Period ?? "",
                    Number(cell.Occurrences),
                    Number(cell.Paragraphs),
                    Number(cell.Documents),
                    cell.Per10k.ToString("0.##", CultureInfo.InvariantCulture),
                    Number(row.Total),
                    row.FirstYear is { } first ? Number(first) : "",
                    row.LastYear is { } last ? Number(last) : "",
                ]);
            }
        }
        output.Flush();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

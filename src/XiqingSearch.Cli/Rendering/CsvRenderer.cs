using XiqingSearch.Core.Export;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// <c>--format csv</c>: <see cref="OccurrenceCsv"/>, the same bytes as <c>GET /api/search?format=csv</c>: a UTF-8
/// byte order mark, a header row and one RFC 4180 row per occurrence.
/// </summary>
internal static class CsvRenderer
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns => OccurrenceCsv.Columns;

    /// <summary>Writes the BOM, the header and the rows. The writer must encode UTF-8.</summary>
    public static void Write(SearchResponse response, TextWriter output) => OccurrenceCsv.Write(response, output);

    /// <summary>One RFC 4180 row of any table the CLI writes as CSV.</summary>
    public static void WriteRecord(TextWriter output, IReadOnlyList<string> fields) => OccurrenceCsv.WriteRecord(output, fields);

    /// <summary>The field as RFC 4180 wants it.</summary>
    public static string Quote(string field) => OccurrenceCsv.Quote(field);
}

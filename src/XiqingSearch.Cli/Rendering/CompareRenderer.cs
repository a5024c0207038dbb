using System.Globalization;
using System.Text;
using XiqingSearch.Core.Search.Analytics;

namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// <c>xiqing compare</c> as text (a table: one row per phrase, per year a small bar scaled to the phrase's busiest
/// year, the occurrences and the occurrences per 10,000 characters, then the total and first/last year) and as CSV
/// (one row per phrase × year).
/// </summary>
internal static class CompareRenderer
{
    /// <summary>Display columns of a full cell bar.</summary>
    public const int BarColumns = 6;

    /// <summary>The CSV columns, in order.</summary>
    public static IReadOnlyList<string> CsvColumns => Core.Export.CompareCsv.Columns;

    private static readonly string Eighths = " ▏▎▍▌▋▊▉";

    public static void WriteText(CompareResult result, StyledWriter output)
    {
        var headers = result.Rows.Count == 0 ? [] : result.Rows[0].Cells.Select(Header).ToList();
        var phraseWidth = Math.Max(DisplayWidth.Of("phrase"), result.Rows.Max(r => DisplayWidth.Of(r.Phrase)));
        var cellTexts = result.Rows.Select(r => r.Cells.Select(c => CellText(c)).ToList()).ToList();
        var widths = headers.Select((h, i) => Math.Max(DisplayWidth.Of(h), cellTexts.Max(t => DisplayWidth.Of(t[i])) + BarColumns + 1)).ToList();

        output.Line(result.MultiYearNote, "dim");
        output.Line("Bars: each phrase against its own busiest year; per 10,000 characters of that year's documents in brackets.", "dim");
        UnknownYearNote(result.UnknownYearParagraphs, output);
        output.Append(DisplayWidth.FitRight("phrase", phraseWidth), "bold");
        for (var i = 0; i < headers.Count; i++)
        {
            output.Append("  ").Append(DisplayWidth.FitRight(headers[i], widths[i]), "bold cyan");
        }
        output.Append("  ").Append("total  first  last", "bold").EndLine();
        for (var r = 0; r < result.Rows.Count; r++)
        {
            var row = result.Rows[r];
            var max = Math.Max(1, row.Cells.Max(c => c.Occurrences));
            output.Append(DisplayWidth.FitRight(row.Phrase, phraseWidth));
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var bar = Bar(row.Cells[i].Occurrences, max);
                output.Append("  ").Append(bar, "green").Append(" ")
                    .Append(DisplayWidth.FitRight(cellTexts[r][i], widths[i] - BarColumns - 1), row.Cells[i].Occurrences == 0 ? "dim" : null);
            }
            output.Append("  ").Append(DisplayWidth.PadLeft(Number(row.Total), 5))
                .Append("  ").Append(row.FirstYear is { } first ? Number(first) : "   – ")
                .Append("  ").Append(row.LastYear is { } last ? Number(last) : "  –")
                .EndLine();
        }
    }

    /// <summary>Says how many paragraphs a year-by-year view left out for having no known year (nothing when none).</summary>
    public static void UnknownYearNote(int paragraphs, StyledWriter output)
    {
        if (paragraphs > 0)
        {
            output.Line(string.Create(CultureInfo.InvariantCulture,
                $"{paragraphs} paragraph{(paragraphs == 1 ? "" : "s")} of documents of unknown year ({YearLabel.Unknown}) left out."), "yellow");
        }
    }

    /// <summary>The CSV Core writes for every front end (<see cref="Core.Export.CompareCsv"/>).</summary>
    public static void WriteCsv(CompareResult result, TextWriter output) => Core.Export.CompareCsv.Write(result, output);

    private static string Header(CompareCell cell) => cell.Period ?? Number(cell.Year);

    private static string CellText(CompareCell cell) =>
        string.Create(CultureInfo.InvariantCulture, $"{cell.Occurrences} ({cell.Per10k:0.0#})");

    /// <summary>A bar of up to <see cref="BarColumns"/> columns in eighths; at least a sliver for any occurrence.</summary>
    internal static string Bar(int value, int max)
    {
        var eighths = value == 0 ? 0 : Math.Max(1, (int)Math.Round(value * BarColumns * 8.0 / max));
        var bar = new StringBuilder(BarColumns);
        bar.Append('█', eighths / 8);
        if (eighths % 8 > 0)
        {
            bar.Append(Eighths[eighths % 8]);
        }
        return bar.ToString().PadRight(BarColumns);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

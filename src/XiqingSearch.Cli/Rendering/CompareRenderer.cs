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

    /// <summary>
    /// The table. On a terminal it fits the width by design: first the bars go; if the table is still too wide
    /// its year columns fold into several blocks, each under the phrase column, the last with total, first and
    /// last year. Redirected, it is one table.
    /// </summary>
    public static void WriteText(CompareResult result, StyledWriter output)
    {
        var headers = result.Rows.Count == 0 ? [] : result.Rows[0].Cells.Select(Header).ToList();
        var phraseWidth = Math.Max(DisplayWidth.Of(CliText.Get("compare.phrase")), result.Rows.Max(r => DisplayWidth.Of(r.Phrase)));
        var cellTexts = result.Rows.Select(r => r.Cells.Select(c => CellText(c)).ToList()).ToList();
        var textWidths = headers.Select((h, i) => cellTexts.Max(t => DisplayWidth.Of(t[i]))).ToList();
        var tailWidth = DisplayWidth.Of(CliText.Get("compare.tail"));
        var bars = true;
        int[] Widths() => [.. headers.Select((h, i) => Math.Max(DisplayWidth.Of(h), textWidths[i] + (bars ? BarColumns + 1 : 0)))];
        var widths = Widths();
        if (output.Width is { } limit && phraseWidth + widths.Sum(w => w + 2) + 2 + tailWidth > limit)
        {
            bars = false;
            widths = Widths();
        }
        // The year columns, in blocks that each fit the width (one block when there is no width).
        var blocks = new List<List<int>> { new() };
        var used = phraseWidth;
        for (var i = 0; i < headers.Count; i++)
        {
            if (output.Width is { } max && blocks[^1].Count > 0 && used + widths[i] + 2 > max)
            {
                blocks.Add([]);
                used = phraseWidth;
            }
            blocks[^1].Add(i);
            used += widths[i] + 2;
        }
        var tailOwnBlock = output.Width is { } w && used + 2 + tailWidth > w;

        output.Line(ProblemText.MultiYearNote(result.MultiYearNote, result.MultiYear), "dim");
        if (bars)
        {
            output.Line(CliText.Get("compare.bars"), "dim");
        }
        else
        {
            output.Line(CliText.Get("compare.noBars"), "dim");
        }
        UnknownYearNote(result.UnknownYearParagraphs, output);
        for (var b = 0; b < blocks.Count; b++)
        {
            var last = b == blocks.Count - 1;
            if (b > 0)
            {
                output.EndLine();
            }
            WriteBlock(result, output, blocks[b], headers, widths, cellTexts, phraseWidth, bars, last && !tailOwnBlock);
        }
        if (tailOwnBlock)
        {
            output.EndLine();
            WriteBlock(result, output, [], headers, widths, cellTexts, phraseWidth, bars, withTail: true);
        }
    }

    private static void WriteBlock(CompareResult result, StyledWriter output, List<int> columns, List<string> headers,
        int[] widths, List<List<string>> cellTexts, int phraseWidth, bool bars, bool withTail)
    {
        output.Append(DisplayWidth.FitRight(CliText.Get("compare.phrase"), phraseWidth), "bold");
        foreach (var i in columns)
        {
            output.Append("  ").Append(DisplayWidth.FitRight(headers[i], widths[i]), "bold cyan");
        }
        if (withTail)
        {
            output.Append("  ").Append(CliText.Get("compare.tail"), "bold");
        }
        output.EndLine();
        for (var r = 0; r < result.Rows.Count; r++)
        {
            var row = result.Rows[r];
            var max = Math.Max(1, row.Cells.Max(c => c.Occurrences));
            output.Append(DisplayWidth.FitRight(row.Phrase, phraseWidth));
            foreach (var i in columns)
            {
                output.Append("  ");
                var textWidth = widths[i];
                if (bars)
                {
                    output.Append(Bar(row.Cells[i].Occurrences, max), "green").Append(" ");
                    textWidth -= BarColumns + 1;
                }
                output.Append(bars ? DisplayWidth.FitRight(cellTexts[r][i], textWidth) : DisplayWidth.PadLeft(cellTexts[r][i], textWidth),
                    row.Cells[i].Occurrences == 0 ? "dim" : null);
            }
            if (withTail)
            {
                output.Append("  ").Append(DisplayWidth.PadLeft(Number(row.Total), 5))
                    .Append("  ").Append(row.FirstYear is { } first ? Number(first) : "   – ")
                    .Append("  ").Append(row.LastYear is { } last ? Number(last) : "  –");
            }
            output.EndLine();
        }
    }

    /// <summary>Says how many paragraphs a year-by-year view left out for having no known year (nothing when none).</summary>
    public static void UnknownYearNote(int paragraphs, StyledWriter output)
    {
        if (paragraphs > 0)
        {
            output.Line(CliText.Get("analytics.unknownYear", paragraphs, CliText.Plural(paragraphs), YearLabel.Unknown), "yellow");
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

using XiqingSearch.Core.Search.Analytics;

namespace XiqingSearch.Cli.Rendering;

/// <summary><c>xiqing new-terms</c> as text (two ranked lists) and as CSV (one row per term, <c>list</c> says which).</summary>
internal static class NewTermsRenderer
{
    /// <summary>The CSV columns, in order.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["list", "term", "year", "occurrences", "paragraphs"];

    public static void WriteText(NewTermsResult result, StyledWriter output)
    {
        var earlier = result.EarlierYears.Count == 0 ? CliText.Get("newTerms.noEarlier") : string.Join(", ", result.EarlierYears);
        output.Line(CliText.Get("newTerms.new", result.Year, earlier), "bold");
        output.Line(ProblemText.MultiYearNote(result.MultiYearNote, result.MultiYear), "dim");
        CompareRenderer.UnknownYearNote(result.UnknownYearParagraphs, output);
        if (result.Appeared.Count == 0)
        {
            output.Line(CliText.Get("newTerms.none"), "dim");
        }
        var width = TermColumns(result.Appeared.Select(t => t.Term), output, CountsColumns);
        var rank = 0;
        foreach (var term in result.Appeared)
        {
            WriteTerm(output, ++rank, term.Term, width, "bold yellow",
                Counts(term.Occurrences, term.Paragraphs));
        }
        output.EndLine();
        output.Line(CliText.Get("newTerms.gone", result.Year), "bold");
        if (result.Disappeared.Count == 0)
        {
            output.Line(CliText.Get("newTerms.none"), "dim");
        }
        width = TermColumns(result.Disappeared.Select(t => t.Term), output, CountsColumns + 11);
        rank = 0;
        foreach (var term in result.Disappeared)
        {
            WriteTerm(output, ++rank, term.Term, width, "bold",
                CliText.Get("newTerms.last", term.LastYear) + Counts(term.Occurrences, term.Paragraphs));
        }
    }

    // English keeps "occurrence " one column wide of the plural, so the paragraph counts line up.
    private static string Counts(int occurrences, int paragraphs) =>
        CliText.Get("newTerms.counts", occurrences, occurrences == 1 ? " " : "s", paragraphs, CliText.Plural(paragraphs));

    /// <summary>Columns of "  1234 occurrences in 123 paragraphs" after a term.</summary>
    private const int CountsColumns = 36;

    /// <summary>The term column: the longest term, but on a terminal no wider than leaves room for the counts.</summary>
    private static int TermColumns(IEnumerable<string> terms, StyledWriter output, int after)
    {
        var longest = Math.Max(12, terms.Select(DisplayWidth.Of).DefaultIfEmpty(0).Max());
        return output.Width is { } width ? Math.Clamp(width - 6 - after, 12, longest) : longest;
    }

    /// <summary>
    /// One ranked term; a term longer than its column (a long run of words on a narrow terminal) folds by
    /// design: the whole term on its line, its counts on the next, aligned with the others'.
    /// </summary>
    private static void WriteTerm(StyledWriter output, int rank, string term, int width, string style, string counts)
    {
        output.Append(Invariant($"{rank,4}  "));
        if (DisplayWidth.Of(term) > width)
        {
            output.Append(term, style).EndLine(6);
            output.Append(new string(' ', 6 + width));
        }
        else
        {
            output.Append(DisplayWidth.FitRight(term, width), style);
        }
        output.Append(counts).EndLine();
    }

    public static void WriteCsv(NewTermsResult result, TextWriter output)
    {
        output.Write('\uFEFF');
        CsvRenderer.WriteRecord(output, CsvColumns);
        foreach (var term in result.Appeared)
        {
            CsvRenderer.WriteRecord(output, ["appeared", term.Term, Invariant($"{result.Year}"), Invariant($"{term.Occurrences}"), Invariant($"{term.Paragraphs}")]);
        }
        foreach (var term in result.Disappeared)
        {
            CsvRenderer.WriteRecord(output, ["disappeared", term.Term, Invariant($"{term.LastYear}"), Invariant($"{term.Occurrences}"), Invariant($"{term.Paragraphs}")]);
        }
        output.Flush();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

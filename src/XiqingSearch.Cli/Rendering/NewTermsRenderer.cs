using System.Globalization;
using XiqingSearch.Core.Search.Analytics;

namespace XiqingSearch.Cli.Rendering;

/// <summary><c>xiqing new-terms</c> as text (two ranked lists) and as CSV (one row per term, <c>list</c> says which).</summary>
internal static class NewTermsRenderer
{
    /// <summary>The CSV columns, in order.</summary>
    public static readonly IReadOnlyList<string> CsvColumns = ["list", "term", "year", "occurrences", "paragraphs"];

    public static void WriteText(NewTermsResult result, StyledWriter output)
    {
        var earlier = result.EarlierYears.Count == 0 ? "no earlier year" : string.Join(", ", result.EarlierYears);
        output.Line(Invariant($"New in {result.Year} (absent from {earlier}):"), "bold");
        output.Line(result.MultiYearNote, "dim");
        CompareRenderer.UnknownYearNote(result.UnknownYearParagraphs, output);
        if (result.Appeared.Count == 0)
        {
            output.Line("  none", "dim");
        }
        var width = Math.Max(12, result.Appeared.Select(t => DisplayWidth.Of(t.Term)).DefaultIfEmpty(0).Max());
        var rank = 0;
        foreach (var term in result.Appeared)
        {
            output.Append(Invariant($"{++rank,4}  ")).Append(DisplayWidth.FitRight(term.Term, width), "bold yellow")
                .Append(Invariant($"  {term.Occurrences,4} occurrence{(term.Occurrences == 1 ? " " : "s")} in {term.Paragraphs} paragraph{(term.Paragraphs == 1 ? "" : "s")}"))
                .EndLine();
        }
        output.EndLine();
        output.Line(Invariant($"Gone from {result.Year} on (in none of {result.Year} and later; last year and its occurrences):"), "bold");
        if (result.Disappeared.Count == 0)
        {
            output.Line("  none", "dim");
        }
        width = Math.Max(12, result.Disappeared.Select(t => DisplayWidth.Of(t.Term)).DefaultIfEmpty(0).Max());
        rank = 0;
        foreach (var term in result.Disappeared)
        {
            output.Append(Invariant($"{++rank,4}  ")).Append(DisplayWidth.FitRight(term.Term, width), "bold")
                .Append(Invariant($"  last {term.LastYear}  {term.Occurrences,4} occurrence{(term.Occurrences == 1 ? " " : "s")} in {term.Paragraphs} paragraph{(term.Paragraphs == 1 ? "" : "s")}"))
                .EndLine();
        }
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

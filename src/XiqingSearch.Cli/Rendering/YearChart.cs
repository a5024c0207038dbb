namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// The per-year bar chart of occurrences at the top of <c>--format text</c>: how a phrase runs across the years,
/// oldest first, one row per year, bars scaled to the busiest year.
/// </summary>
internal static class YearChart
{
    /// <summary>Display columns of the longest bar.</summary>
    public const int BarColumns = 40;

    /// <summary>Writes the chart; nothing when there are no years.</summary>
    public static void Write(IReadOnlyList<FacetValue> years, StyledWriter output)
    {
        // Oldest first, and the unknown year after every year, labelled 年份未知.
        var rows = years.OrderBy(y => y.Value == YearRange.Unknown ? 1 : 0).ThenBy(y => y.Value, StringComparer.Ordinal).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        var max = Math.Max(1, rows.Max(y => y.Occurrences));
        // With --year, every year still shows (the chart is the facet, which ignores its own filter), and the
        // years kept are marked: the hits below are theirs only.
        var anySelected = rows.Any(y => y.Selected);
        var labelWidth = rows.Max(y => DisplayWidth.Of(YearLabel.OfFacet(y.Value)));
        foreach (var year in rows)
        {
            var length = year.Occurrences == 0 ? 0 : Math.Max(1, (int)Math.Round(year.Occurrences * (double)BarColumns / max));
            output
                .Append("  ")
                .Append(DisplayWidth.FitRight(YearLabel.OfFacet(year.Value), labelWidth), year.Selected ? "bold cyan" : "cyan")
                .Append(" ")
                .Append(new string('█', length), "green")
                .Append(CliText.Get("chart.row", year.Occurrences, CliText.Plural(year.Occurrences), year.Count, CliText.Plural(year.Count)), "dim")
                .Append(anySelected && year.Selected ? "  ◀ --year" : "", "bold yellow")
                .Append(anySelected && !year.Selected ? CliText.Get("chart.filteredOut") : "", "dim")
                .EndLine();
        }
    }
}

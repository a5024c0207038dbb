using System.Globalization;
using XiqingSearch.Core.Search.Hints;

namespace XiqingSearch.Cli.Rendering;

/// <summary>The result model's hints as lines under the header: why nothing was found and what would be.</summary>
internal static class HintRenderer
{
    public static void Write(SearchHints? hints, StyledWriter output)
    {
        if (hints is null)
        {
            return;
        }
        foreach (var note in hints.Notes)
        {
            output.Line("  Note: " + note, "yellow");
        }
        foreach (var unknown in hints.UnknownValues)
        {
            output.Line($"  No {unknown.Filter} is '{unknown.Value}'. Valid: {string.Join(", ", unknown.Valid)}", "yellow");
        }
        foreach (var filter in hints.Filters)
        {
            var name = filter.Filter == "all" ? "the filters" : $"--{filter.Filter} {string.Join(",", filter.Values)}";
            output.Line(string.Create(CultureInfo.InvariantCulture,
                $"  Without {name}: {filter.HitsWithout} paragraph{(filter.HitsWithout == 1 ? "" : "s")}."), "yellow");
        }
        foreach (var phrase in hints.Unmatched.Where(p => !hints.DidYouMean.Any(s => s.Phrase == p)))
        {
            output.Line($"  '{phrase}' occurs nowhere in the documents.", "yellow");
        }
        foreach (var suggestion in hints.DidYouMean)
        {
            output.Line(string.Create(CultureInfo.InvariantCulture,
                $"  Did you mean {suggestion.Suggestion}? {suggestion.Occurrences} occurrences in {suggestion.Hits} paragraphs: xiqing search '{suggestion.Query}'"), "yellow");
        }
    }
}

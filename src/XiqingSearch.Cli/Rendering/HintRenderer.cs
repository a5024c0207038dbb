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
            output.Line(CliText.Get("hint.note", ProblemText.Note(note)), "yellow");
        }
        foreach (var unknown in hints.UnknownValues)
        {
            output.Line(CliText.Get("hint.unknownValue", unknown.Filter, unknown.Value, string.Join(", ", unknown.Valid)), "yellow");
        }
        foreach (var filter in hints.Filters)
        {
            var name = filter.Filter == "all" ? CliText.Get("hint.theFilters") : $"--{filter.Filter} {string.Join(",", filter.Values)}";
            output.Line(CliText.Get("hint.without", name, filter.HitsWithout, CliText.Plural(filter.HitsWithout)), "yellow");
        }
        foreach (var phrase in hints.Unmatched.Where(p => !hints.DidYouMean.Any(s => s.Phrase == p)))
        {
            output.Line(CliText.Get("hint.nowhere", phrase), "yellow");
        }
        foreach (var suggestion in hints.DidYouMean)
        {
            output.Line(CliText.Get("hint.didYouMean", suggestion.Suggestion, suggestion.Occurrences, suggestion.Hits, suggestion.Query), "yellow");
        }
    }
}

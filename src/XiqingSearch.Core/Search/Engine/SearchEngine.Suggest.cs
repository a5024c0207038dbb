using System.Diagnostics;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Suggestions;

namespace XiqingSearch.Core.Search.Engine;

public sealed partial class SearchEngine
{
    /// <summary>Largest number of completions one lookup returns.</summary>
    public const int MaxSuggestions = 50;

    /// <summary>
    /// Completions of what the user has typed so far: corpus phrases that start with it, then phrases that contain
    /// it, each with its occurrences (<see cref="SuggestionIndex"/>, built once per commit).
    /// </summary>
    public SuggestResponse Suggest(string query, int limit = 8, Access.Caller? caller = null)
    {
        var clock = Stopwatch.StartNew();
        limit = Math.Clamp(limit, 1, MaxSuggestions);
        var suggestions = query.Length > SearchLimits.MaxQueryLength ? []
            : WithTable(caller, table => SuggestionIndex.For(table, _smartCn).Suggest(query, limit));
        return new SuggestResponse(query, suggestions, Math.Round(clock.Elapsed.TotalMilliseconds, 3));
    }
}

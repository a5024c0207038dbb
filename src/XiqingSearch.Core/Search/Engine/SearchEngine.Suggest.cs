using XiqingSearch.Core.Search.Suggestions;

namespace XiqingSearch.Core.Search.Engine;

public sealed partial class SearchEngine
{
    /// <summary>Largest number of completions one lookup returns.</summary>
    public const int MaxSuggestions = Suggester.MaxSuggestions;

    /// <summary>Completions of what the user has typed so far (<see cref="Suggester"/>).</summary>
    public SuggestResponse Suggest(string query, int limit = 8, Access.Caller? caller = null) =>
        _suggester.Suggest(query, limit, suggest => WithTable(caller, table => suggest(Attached(table))));
}

using System.Diagnostics;
using Lucene.Net.Analysis;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Suggestions;

/// <summary>
/// Completions of what the user has typed so far: corpus phrases that start with it, then phrases that contain it,
/// each with its occurrences (<see cref="SuggestionIndex"/>, made once per commit or caller's view from the
/// build's digests).
/// </summary>
internal sealed class Suggester(Analyzer smartCn)
{
    /// <summary>Largest number of completions one lookup returns.</summary>
    public const int MaxSuggestions = 50;

    private readonly Analyzer _smartCn = smartCn;

    /// <summary>Up to <paramref name="limit"/> completions of <paramref name="query"/>; <paramref name="inView"/> runs a function on the caller's view of the current commit.</summary>
    public SuggestResponse Suggest(string query, int limit, Func<Func<ParagraphTable, List<Suggestion>>, List<Suggestion>> inView)
    {
        var clock = Stopwatch.StartNew();
        limit = Math.Clamp(limit, 1, MaxSuggestions);
        var suggestions = query.Length > SearchLimits.MaxQueryLength ? []
            : inView(table => SuggestionIndex.For(table, _smartCn).Suggest(query, limit));
        return new SuggestResponse(query, suggestions, Math.Round(clock.Elapsed.TotalMilliseconds, 3));
    }

    /// <summary>The distinct normalised texts of <paramref name="table"/>'s paragraphs, with their counts (for hints).</summary>
    public IReadOnlyList<CorpusText> Texts(ParagraphTable table) => SuggestionIndex.For(table, _smartCn).Texts;
}

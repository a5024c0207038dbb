using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;
using XiqingSearch.Core.Search.Suggestions;

namespace XiqingSearch.Core.Search.Hints;

/// <summary>
/// The hints of a search (see <see cref="HintBuilder"/>). Filter counts are the same search with filters dropped;
/// corpus phrases come from the commit's distinct normalised texts, which the suggestion index holds.
/// </summary>
internal sealed class SearchHinter(Suggester suggester)
{
    /// <summary>True on a thread that is counting hits for a hint: those searches give no hints of their own.</summary>
    [ThreadStatic]
    private static bool t_countingForHint;

    private readonly Suggester _suggester = suggester;

    /// <summary>The hints of a search that found <paramref name="totalHits"/>; <paramref name="search"/> runs a search (for the filter counts).</summary>
    public SearchHints? Hint(SearchRequest request, CompiledQuery query, ParagraphTable table, int totalHits,
        Func<SearchRequest, Result<SearchResponse>> search)
    {
        if (t_countingForHint)
        {
            return null;
        }
        int Count(SearchRequest without)
        {
            t_countingForHint = true;
            try
            {
                var result = search(without with { Offset = 0, Limit = 1, All = false });
                return result.IsSuccess ? result.Value.TotalHits : 0;
            }
            finally
            {
                t_countingForHint = false;
            }
        }
        return HintBuilder.Build(request, query, table, _suggester.Texts(table), totalHits, Count);
    }
}

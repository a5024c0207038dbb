using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Hints;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;
using XiqingSearch.Core.Search.Suggestions;

namespace XiqingSearch.Core.Search.Engine;

public sealed partial class SearchEngine
{
    /// <summary>True on a thread that is counting hits for a hint: those searches give no hints of their own.</summary>
    [ThreadStatic]
    private static bool _countingForHint;

    /// <summary>
    /// The hints of a search that found <paramref name="totalHits"/> (see <see cref="HintBuilder"/>). Filter counts are
    /// the same search with filters dropped; corpus phrases come from the commit's normalised texts, which the
    /// suggestion index holds.
    /// </summary>
    private SearchHints? Hint(SearchRequest request, CompiledQuery query, ParagraphTable table, int totalHits)
    {
        if (_countingForHint)
        {
            return null;
        }
        int Count(SearchRequest without)
        {
            _countingForHint = true;
            try
            {
                var result = Search(without with { Offset = 0, Limit = 1, All = false });
                return result.IsSuccess ? result.Value.TotalHits : 0;
            }
            finally
            {
                _countingForHint = false;
            }
        }
        return HintBuilder.Build(request, query, table, SuggestionIndex.For(table, _smartCn).Texts, totalHits, Count);
    }
}

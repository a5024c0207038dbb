using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Hints;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;

namespace XiqingSearch.Core.Search.Engine;

public sealed partial class SearchEngine
{
    /// <summary>The hints of a search that found <paramref name="totalHits"/> (<see cref="SearchHinter"/>).</summary>
    private SearchHints? Hint(SearchRequest request, CompiledQuery query, ParagraphTable table, int totalHits) =>
        _hinter.Hint(request, query, table, totalHits, Search);
}

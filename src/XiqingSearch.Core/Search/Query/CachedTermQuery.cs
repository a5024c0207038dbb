using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Search.Commit;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// A <see cref="TermQuery"/> whose term-dictionary lookup comes from the searcher's <see cref="TermStateCache"/>,
/// so repeated searches on one commit look each word up once.
/// </summary>
internal sealed class CachedTermQuery(Term term) : TermQuery(term)
{
    public override Weight CreateWeight(IndexSearcher searcher) =>
        new TermQuery(Term, TermStateCache.For(searcher, Term)) { Boost = Boost }.CreateWeight(searcher);
}

using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Search.Engine;

namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// Where each term sits in one commit's term dictionaries (a <see cref="TermContext"/> per term), kept for the life
/// of the searcher. Looking a term up in the dictionary is the largest single cost of a short query; a commit
/// never changes, so the answer can be kept and shared by every search on it. Bounded: when it grows past
/// <see cref="MaxTerms"/> entries it starts again, so a stream of unusual queries cannot make it grow forever.
/// </summary>
internal sealed class TermStateCache(IndexReaderContext top)
{
    /// <summary>Entries kept before the cache is cleared (each is a few hundred bytes).</summary>
    public const int MaxTerms = 20_000;

    private readonly IndexReaderContext _top = top;
    private readonly ConcurrentDictionary<Term, TermContext> _states = new();

    /// <summary>The commit this cache describes: a term context is only valid for the reader it was built on.</summary>
    public IndexReaderContext Top => _top;

    /// <summary>Number of terms cached.</summary>
    public int Count => _states.Count;

    /// <summary>The term's context in this commit, built on first use.</summary>
    public TermContext Get(Term term)
    {
        if (_states.TryGetValue(term, out var known))
        {
            return known;
        }
        if (_states.Count >= MaxTerms)
        {
            _states.Clear();
        }
        // Term holds a BytesRef the caller might reuse; the key must own its bytes.
        var key = new Term(term.Field, Lucene.Net.Util.BytesRef.DeepCopyOf(term.Bytes));
        return _states.GetOrAdd(key, static (t, top) => TermContext.Build(top, t), _top);
    }

    /// <summary>The cache of <paramref name="searcher"/> when it has one for its own reader, else a fresh lookup.</summary>
    public static TermContext For(IndexSearcher searcher, Term term) =>
        searcher is TableSearcher { TermStates: var cache } && ReferenceEquals(cache.Top, searcher.TopReaderContext)
            ? cache.Get(term)
            : TermContext.Build(searcher.TopReaderContext, term);
}

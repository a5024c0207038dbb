using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Facets;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// Takes every matching document once, as it is found: counts its occurrences (<see cref="MatchOccurrences"/>,
/// as a comparison also counts them), adds it to every facet whose count it belongs to (all filters but the
/// facet's own), and, when it passes every filter, to the totals and to the page's candidates
/// (<see cref="TopHits"/>). The query runs once, unfiltered, and nothing is kept per match beyond a small batch, so
/// a search's memory does not grow with its hits.
/// <para>
/// In relevance order the matches are counted in batches (<see cref="BatchSize"/>): what must be read while the
/// query's scorer sits on a match (its occurrences, and its score when it could enter the page) is taken at once,
/// and the match's <see cref="RowKeys"/> are read for the whole batch after, in a tight loop behind prefetches. A
/// phrase that matches one paragraph in six (天津 at 1,000 copies) otherwise waited on memory for every match's
/// keys, half its search. A match of one phrase with ranking words is scored in full only when its
/// <see cref="RankingWordsBound"/> can reach the page's worst score; every other order scores each hit as it is
/// counted (its score is shown, not ranked by).
/// </para>
/// </summary>
internal sealed class AllMatchesCollector(ParagraphTable table, MatchOccurrences occurrences, FacetFilter filter,
    FacetCounter facets, TopHits top, RankingWordsBound? ranking = null, CancellationToken cancellation = default) : ICollector
{
    /// <summary>Matches per batch: enough for the memory reads to overlap, few enough to stay in the first-level cache.</summary>
    internal const int BatchSize = 128;

    private readonly Pending[] _pending = new Pending[BatchSize];
    private int _pendingCount;
    private Scorer? _scorer;
    private RankingWordsBound.Segment? _bound;
    private AtomicReaderContext? _context;
    private bool _batched;
    private float _threshold = float.NegativeInfinity;
    private int _docBase;
    private int _seen;

    /// <summary>Matches that pass every filter.</summary>
    public int TotalHits { get; private set; }

    /// <summary>Occurrences in those matches.</summary>
    public int TotalOccurrences { get; private set; }

    /// <summary>Of <see cref="TotalHits"/>, the matches whose every occurrence is approximate.</summary>
    public int ApproximateHits { get; private set; }

    /// <summary>Of <see cref="TotalOccurrences"/>, the approximate occurrences.</summary>
    public int ApproximateOccurrences { get; private set; }

    /// <summary>Matches scored in full (for the tests of the bound: the rest were refused by it).</summary>
    internal int Scored { get; private set; }

    /// <summary>
    /// In order: Lucene's BooleanWeight, offered out-of-order collection, first builds and throws away a bulk
    /// scorer for a required clause before falling back to the in-order scorer, which doubles the work (and the
    /// phrase scorers' large buffers) of every query with a MUST clause. The occurrence counter also needs
    /// documents in order.
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
        _scorer = scorer;
        occurrences.SetScorer(scorer);
        _bound = ranking is null || _context is null ? null : ranking.On(scorer, _context);
        // Batched, a match is scored before its filters are known: with no bound to refuse most of them, a filtered
        // search would score matches it then drops, so it counts each match as it comes.
        _batched = top.ScoreFirst && (_bound is not null || filter.SelectsAll);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Finish();
        _context = context;
        _docBase = context.DocBase;
        occurrences.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        // A query's time budget is checked here, where a costly query spends its time, every 1024 matches.
        if ((++_seen & 1023) == 0)
        {
            cancellation.ThrowIfCancellationRequested();
        }
        var docId = _docBase + doc;
        if (!_batched)
        {
            ref readonly var keys = ref table.KeysOf(docId);
            if (keys.Exists)
            {
                Count(in keys, docId, occurrences.Exact(doc, docId), occurrences.Approximate(docId), float.NaN, scoreHere: true);
            }
            return;
        }
        var exact = occurrences.Exact(doc, docId);
        var approximate = occurrences.Approximate(docId);
        var score = float.NaN;
        // An approximate-only match may displace nothing but is always offered; any other match is scored when it
        // could reach the worst kept score (the threshold only rises, so one taken at the last batch is safe).
        if ((approximate > 0 && exact == 0) || _bound is null || _bound.Ceiling(doc) >= _threshold)
        {
            score = _scorer!.GetScore();
            Scored++;
        }
        _pending[_pendingCount++] = new Pending(docId, exact, approximate, score);
        if (_pendingCount == BatchSize)
        {
            Finish();
        }
    }

    /// <summary>Counts the matches still in the batch; called by the search after the query has run.</summary>
    public void Finish()
    {
        if (_pendingCount == 0)
        {
            return;
        }
        var pending = _pending.AsSpan(0, _pendingCount);
        if (Sse.IsSupported)
        {
            foreach (ref readonly var match in pending)
            {
                Prefetch(in table.KeysOf(match.DocId));
            }
        }
        foreach (ref readonly var match in pending)
        {
            ref readonly var keys = ref table.KeysOf(match.DocId);
            if (keys.Exists)
            {
                Count(in keys, match.DocId, match.Exact, match.Approximate, match.Score, scoreHere: false);
            }
        }
        _pendingCount = 0;
        _threshold = top.Threshold;
    }

    /// <summary>
    /// Counts one match; <paramref name="raw"/> is its score before <see cref="RelevanceAdjustment"/>, or NaN when it
    /// was not scored (<paramref name="scoreHere"/>: score it now, the scorer still on it, if it is a hit).
    /// </summary>
    private void Count(in RowKeys keys, int docId, int exact, int approximate, float raw, bool scoreHere)
    {
        var approximateOnly = approximate > 0 && exact == 0;
        var count = exact + approximate;
        var failed = filter.Evaluate(in keys, docId);
        facets.Add(in keys, count, failed);
        if (failed != FacetMask.None)
        {
            return;
        }
        TotalHits++;
        TotalOccurrences += count;
        ApproximateOccurrences += approximate;
        if (approximateOnly)
        {
            ApproximateHits++;
        }
        if (scoreHere)
        {
            raw = _scorer!.GetScore();
            Scored++;
        }
        else if (float.IsNaN(raw))
        {
            // Its ceiling was below the worst kept score when it was found: the adjusted score is lower still.
            return;
        }
        var score = RelevanceAdjustment.Adjust(raw, in keys);
        if (approximateOnly || top.MayKeep(score))
        {
            top.Offer(new MatchedRow(docId, score, count, in keys) { Approximate = approximateOnly });
        }
    }

    /// <summary>
    /// Asks for the cache lines of <paramref name="keys"/> ahead of reading them (a hint: it never faults). A row of
    /// keys is not aligned to a line, so its first and last bytes may lie in two.
    /// </summary>
    private static unsafe void Prefetch(in RowKeys keys)
    {
        var first = (byte*)Unsafe.AsPointer(ref Unsafe.AsRef(in keys));
        Sse.Prefetch0(first);
        Sse.Prefetch0(first + Unsafe.SizeOf<RowKeys>() - 1);
    }

    /// <summary>A match waiting for its keys: its occurrences, and its score before adjustment (NaN: not scored).</summary>
    private readonly record struct Pending(int DocId, int Exact, int Approximate, float Score);
}

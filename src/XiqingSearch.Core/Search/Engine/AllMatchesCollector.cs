using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Facets;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// Takes every matching document once, as it is found: counts its occurrences (<see cref="MatchOccurrences"/>,
/// as a comparison also counts them), adds it to every facet whose count it belongs to (all filters but the
/// facet's own), and, when it passes every filter, to the totals and to the page's candidates
/// (<see cref="TopHits"/>). The query runs once, unfiltered, and nothing is kept per match, so a search's memory
/// does not grow with its hits.
/// </summary>
internal sealed class AllMatchesCollector(ParagraphTable table, MatchOccurrences occurrences,
    FacetFilter filter, FacetCounter facets, TopHits top, CancellationToken cancellation = default) : ICollector
{
    private Scorer? _scorer;
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
    }

    public void SetNextReader(AtomicReaderContext context)
    {
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
        ref readonly var keys = ref table.KeysOf(docId);
        if (!keys.Exists)
        {
            return;
        }
        var count = occurrences.Exact(doc, docId);
        var approximateCount = occurrences.Approximate(docId);
        var approximateOnly = approximateCount > 0 && count == 0;
        count += approximateCount;
        var failed = filter.Evaluate(in keys, docId);
        facets.Add(in keys, count, failed);
        if (failed == FacetMask.None)
        {
            TotalHits++;
            TotalOccurrences += count;
            ApproximateOccurrences += approximateCount;
            if (approximateOnly)
            {
                ApproximateHits++;
            }
            var score = RelevanceAdjustment.Adjust(_scorer!.GetScore(), in keys);
            if (approximateOnly || top.MayKeep(score))
            {
                top.Offer(new MatchedRow(docId, score, count, in keys) { Approximate = approximateOnly });
            }
        }
    }
}

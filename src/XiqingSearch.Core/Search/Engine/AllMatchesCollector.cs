using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Search.Facets;
using XiqingSearch.Core.Search.Highlighting;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// Takes every matching document once, as it is found: counts its occurrences from the postings
/// (<see cref="OccurrenceCounter"/>), adds it to every facet whose count it belongs to (all filters but the
/// facet's own), and, when it passes every filter, to the totals and to the page's candidates
/// (<see cref="TopHits"/>). The query runs once, unfiltered, and nothing is kept per match, so a search's memory
/// does not grow with its hits.
/// </summary>
internal sealed class AllMatchesCollector(ParagraphTable table, OccurrenceCounter? occurrences, IReadOnlyList<string> phrases,
    FacetFilter filter, FacetCounter facets, TopHits top, CancellationToken cancellation = default) : ICollector
{
    private Scorer? _scorer;
    private int _docBase;
    private int _seen;

    /// <summary>Matches that pass every filter.</summary>
    public int TotalHits { get; private set; }

    /// <summary>Occurrences in those matches.</summary>
    public int TotalOccurrences { get; private set; }

    /// <summary>
    /// In order: Lucene's BooleanWeight, offered out-of-order collection, first builds and throws away a bulk
    /// scorer for a required clause before falling back to the in-order scorer, which doubles the work (and the
    /// phrase scorers' large buffers) of every query with a MUST clause. The occurrence counter also needs
    /// documents in order.
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        occurrences?.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        // A query's time budget is checked here, where a costly query spends its time, every 1024 matches.
        if ((++_seen & 1023) == 0)
        {
            cancellation.ThrowIfCancellationRequested();
        }
        if (table[_docBase + doc] is not { } row)
        {
            return;
        }
        var count = occurrences?.Count(doc) ?? 0;
        if (count == OccurrenceCounter.FromText)
        {
            // A paragraph the postings cannot count alone is counted from its text.
            count = OccurrenceFinder.Find(row.Normalized, phrases).Count;
        }
        var failed = filter.Evaluate(row);
        facets.Add(row, count, failed);
        if (failed == FacetMask.None)
        {
            TotalHits++;
            TotalOccurrences += count;
            top.Offer(new MatchedRow(row, RelevanceAdjustment.Adjust(_scorer!.GetScore(), row), count));
        }
    }
}

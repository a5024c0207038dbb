using Lucene.Net.Index;
using Lucene.Net.Search;

namespace XiqingSearch.Core.Search;

/// <summary>
/// Collects every matching document with its score. Facets and occurrence totals are over all matches, and the
/// request's filters are applied afterwards (each facet ignoring its own), so the query runs once, unfiltered.
/// </summary>
internal sealed class AllMatchesCollector(CancellationToken cancellation = default) : ICollector
{
    private Scorer? _scorer;
    private int _docBase;

    public List<(int DocId, float Score)> Matches { get; } = [];

    /// <summary>
    /// In order: Lucene's BooleanWeight, offered out-of-order collection, first builds and throws away a bulk
    /// scorer for a required clause before falling back to the in-order scorer, which doubles the work (and the
    /// phrase scorers' large buffers) of every query with a MUST clause.
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        // A query's time budget is checked here, where a costly query spends its time, every 1024 matches.
        if ((Matches.Count & 1023) == 1023)
        {
            cancellation.ThrowIfCancellationRequested();
        }
        Matches.Add((_docBase + doc, _scorer!.GetScore()));
    }
}

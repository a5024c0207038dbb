using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Search.Highlighting;

namespace XiqingSearch.Core.Search;

/// <summary>
/// Collects every matching document with its score and its number of occurrences, counted from the postings
/// as the document is collected (<see cref="OccurrenceCounter"/>). Facets and occurrence totals are over all
/// matches, and the request's filters are applied afterwards (each facet ignoring its own), so the query runs
/// once, unfiltered.
/// </summary>
internal sealed class AllMatchesCollector(OccurrenceCounter? occurrences = null) : ICollector
{
    private readonly OccurrenceCounter? _occurrences = occurrences;
    private Scorer? _scorer;
    private int _docBase;

    public List<(int DocId, float Score, int Occurrences)> Matches { get; } = [];

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
        _occurrences?.SetNextReader(context);
    }

    public void Collect(int doc) =>
        Matches.Add((_docBase + doc, _scorer!.GetScore(), _occurrences?.Count(doc) ?? 0));
}

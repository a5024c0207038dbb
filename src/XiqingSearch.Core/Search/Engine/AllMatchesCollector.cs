using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Facets;
using XiqingSearch.Core.Search.Highlighting;
using XiqingSearch.Core.Search.Query;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// Takes every matching document once, as it is found: counts its occurrences from the postings
/// (<see cref="OccurrenceCounter"/>), adds it to every facet whose count it belongs to (all filters but the
/// facet's own), and, when it passes every filter, to the totals and to the page's candidates
/// (<see cref="TopHits"/>). The query runs once, unfiltered, and nothing is kept per match, so a search's memory
/// does not grow with its hits.
/// <para>
/// When the query is one phrase that cannot overlap itself and its exact-phrase scorer is required (on a path of
/// MUST clauses from the root, so it sits on every collected document), the scorer's phrase frequency is the
/// occurrence count: the phrase's positions are read once, by the scorer, and the counter is not used.
/// </para>
/// </summary>
internal sealed class AllMatchesCollector(ParagraphTable table, OccurrenceCounter? occurrences, IReadOnlyList<string> phrases,
    FacetFilter filter, FacetCounter facets, TopHits top, CancellationToken cancellation = default) : ICollector
{
    private readonly bool _phraseFrequencyCounts = occurrences?.IsOneSelfDisjointPhrase == true;
    private Scorer? _scorer;
    private Scorer? _phraseScorer;
    private int _docBase;
    private int _seen;

    /// <summary>
    /// The approximate occurrences in recognised text, counted beside the exact ones (null: none to count); a
    /// match with no exact occurrence is marked <see cref="MatchedRow.Approximate"/>.
    /// </summary>
    public ApproximateMatches? Approximate { get; init; }

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
        _phraseScorer = _phraseFrequencyCounts ? RequiredPhrase(scorer, occurrences!) : null;
    }

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
        var docId = _docBase + doc;
        ref readonly var keys = ref table.KeysOf(docId);
        if (!keys.Exists)
        {
            return;
        }
        var count = _phraseScorer is { } phrase && phrase.DocID == doc ? phrase.Freq : occurrences?.Count(doc) ?? 0;
        if (count == OccurrenceCounter.FromText)
        {
            // A paragraph the postings cannot count alone is counted from its text.
            count = OccurrenceFinder.Find(table[docId]!.Normalized, phrases).Count;
        }
        var approximateCount = Approximate?.Count(docId) ?? 0;
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

    /// <summary>
    /// The query's exact-phrase scorer for <paramref name="occurrences"/>' one phrase when every clause from the root
    /// down to it is required, else null (also used by the comparison's counter, which counts as a search does).
    /// </summary>
    internal static Scorer? RequiredPhrase(Scorer scorer, OccurrenceCounter occurrences)
    {
        if (scorer.Weight?.Query is ExactPhraseQuery query && occurrences.IsPhraseOf(query))
        {
            return scorer;
        }
        foreach (var child in scorer.GetChildren())
        {
            if (child.Relationship == "MUST" && RequiredPhrase(child.Child, occurrences) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}

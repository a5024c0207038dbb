using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Search.Highlighting;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// How many times a query's phrases occur in one match, counted as a search counts them: from the exact-phrase
/// scorer's frequency when that is the count (<see cref="RequiredPhrase"/>), else from the postings
/// (<see cref="OccurrenceCounter"/>), else from the text; plus the approximate occurrences in recognised text.
/// Shared by the search's collector (<see cref="AllMatchesCollector"/>) and the comparison's counter
/// (<see cref="CompareCounter"/>), which must count alike: a test holds every comparison cell equal to a search.
/// Used on one thread, in doc id order within a segment.
/// <para>
/// When the query is one phrase that cannot overlap itself and its exact-phrase scorer is required (on a path of
/// MUST clauses from the root, so it sits on every collected document), the scorer's phrase frequency is the
/// occurrence count: the phrase's positions are read once, by the scorer, and the counter is not used.
/// </para>
/// </summary>
internal sealed class MatchOccurrences(Commit.ParagraphTable table, OccurrenceCounter? occurrences, IReadOnlyList<string> phrases,
    ApproximateMatches? approximate)
{
    private readonly bool _phraseFrequencyCounts = occurrences?.IsOneSelfDisjointPhrase == true;
    private Scorer? _phraseScorer;

    /// <summary>The counter of <paramref name="phrases"/> over <paramref name="searcher"/>'s postings (null when the query has none).</summary>
    public static OccurrenceCounter? CounterFor(IndexSearcher searcher, IReadOnlyList<string> phrases) =>
        phrases.Count == 0 ? null : new OccurrenceCounter(searcher, phrases);

    /// <summary>The scorer of the segment's matches: its exact-phrase scorer is read when it holds the count.</summary>
    public void SetScorer(Scorer scorer) =>
        _phraseScorer = _phraseFrequencyCounts ? RequiredPhrase(scorer, occurrences!) : null;

    public void SetNextReader(AtomicReaderContext context) => occurrences?.SetNextReader(context);

    /// <summary>The exact occurrences in segment document <paramref name="doc"/> (top-level <paramref name="docId"/>).</summary>
    public int Exact(int doc, int docId)
    {
        var count = _phraseScorer is { } phrase && phrase.DocID == doc ? phrase.Freq : occurrences?.Count(doc) ?? 0;
        if (count == OccurrenceCounter.FromText)
        {
            // A paragraph the postings cannot count alone is counted from its text (read from the commit's own
            // table: the comparison counts one paragraph for every copy of its text, some of which a caller may see).
            count = OccurrenceFinder.Find(table.Base[docId]!.Normalized, phrases).Count;
        }
        return count;
    }

    /// <summary>The approximate occurrences in the paragraph at top-level <paramref name="docId"/> (0 when none).</summary>
    public int Approximate(int docId) => approximate?.Count(docId) ?? 0;

    /// <summary>
    /// The query's exact-phrase scorer for <paramref name="occurrences"/>' one phrase when every clause from the root
    /// down to it is required, else null.
    /// </summary>
    internal static Scorer? RequiredPhrase(Scorer scorer, OccurrenceCounter occurrences)
    {
        if (scorer.Weight?.Query is Query.ExactPhraseQuery query && occurrences.IsPhraseOf(query))
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

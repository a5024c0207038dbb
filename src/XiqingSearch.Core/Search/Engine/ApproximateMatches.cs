using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Highlighting;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// The approximate occurrences of a query's phrases in the paragraphs recognised from scans (OCR rows only: exact
/// text is never matched approximately), found before the query runs so that its phrase clauses can also match
/// them (<see cref="Query.ApproximateClauses"/>), the collector can count them and the page can mark them.
/// <para>
/// Candidates come from the character field's bigram postings: by the q-gram lemma, a window within k edits of a
/// phrase of n code points keeps at least (n − 1) − 2k of its n − 1 bigrams (an edit breaks at most two), so a
/// paragraph that holds fewer of the phrase's distinct bigrams than their number less 2k cannot contain one. Only
/// the postings of the phrase's own bigrams are read, and only OCR rows are counted; each candidate's folded text
/// is then checked with <see cref="ApproximateFinder"/>.
/// </para>
/// </summary>
internal sealed class ApproximateMatches
{
    private readonly Dictionary<int, TextSpan[]> _spans;

    private ApproximateMatches(Dictionary<int, TextSpan[]> spans, Dictionary<string, FixedBitSet> docsByPhrase)
    {
        _spans = spans;
        DocsByPhrase = docsByPhrase;
    }

    /// <summary>For each phrase (folded) that has approximate occurrences, the top-level doc ids holding them.</summary>
    public IReadOnlyDictionary<string, FixedBitSet> DocsByPhrase { get; }

    /// <summary>True when no paragraph has an approximate occurrence.</summary>
    public bool IsEmpty => _spans.Count == 0;

    /// <summary>The approximate occurrences (display offsets, <see cref="TextSpan.Approximate"/>) of the paragraph at <paramref name="docId"/>.</summary>
    public IReadOnlyList<TextSpan> SpansOf(int docId) => _spans.TryGetValue(docId, out var spans) ? spans : [];

    /// <summary>The number of approximate occurrences in the paragraph at <paramref name="docId"/>.</summary>
    public int Count(int docId) => _spans.TryGetValue(docId, out var spans) ? spans.Length : 0;

    /// <summary>
    /// The approximate occurrences of <paramref name="phrases"/> (folded) in the OCR rows of <paramref name="searcher"/>'s
    /// commit; null when there are none to look for (no OCR rows, or no phrase of 4 or more code points).
    /// </summary>
    public static ApproximateMatches? Find(TableSearcher searcher, IReadOnlyList<string> phrases, CancellationToken cancellation)
    {
        var table = searcher.Table;
        var approximate = phrases.Where(p => ApproximateFinder.AllowedEdits(p) > 0).Distinct(StringComparer.Ordinal).ToList();
        if (!table.HasOcr || approximate.Count == 0)
        {
            return null;
        }
        var byDoc = new Dictionary<int, List<(int Start, int End)>>();
        var docsByPhrase = new Dictionary<string, FixedBitSet>(StringComparer.Ordinal);
        var texts = new Dictionary<int, FoldedText>();
        foreach (var phrase in approximate)
        {
            var edits = ApproximateFinder.AllowedEdits(phrase);
            foreach (var docId in Candidates(searcher, phrase, edits))
            {
                cancellation.ThrowIfCancellationRequested();
                if (!texts.TryGetValue(docId, out var folded))
                {
                    texts[docId] = folded = new FoldedText(table[docId]!.Text);
                }
                // Exact occurrences of every phrase of the query: a window overlapping any of them is no misreading.
                var exact = approximate.Concat(phrases).Distinct(StringComparer.Ordinal)
                    .SelectMany(p => ApproximateFinder.Exact(folded.Text, p)).ToList();
                var windows = ApproximateFinder.Find(folded.Text, phrase, edits, exact);
                if (windows.Count == 0)
                {
                    continue;
                }
                if (!docsByPhrase.TryGetValue(phrase, out var docs))
                {
                    docsByPhrase[phrase] = docs = new FixedBitSet(Math.Max(1, searcher.IndexReader.MaxDoc));
                }
                docs.Set(docId);
                if (!byDoc.TryGetValue(docId, out var list))
                {
                    byDoc[docId] = list = [];
                }
                list.AddRange(windows);
            }
        }
        var spans = new Dictionary<int, TextSpan[]>(byDoc.Count);
        foreach (var (docId, windows) in byDoc)
        {
            spans[docId] = [.. Merge(windows).Select(w => texts[docId].ToOriginal(w.Start, w.End) with { Approximate = true })];
        }
        return new ApproximateMatches(spans, docsByPhrase);
    }

    /// <summary>
    /// The OCR rows holding at least (distinct bigrams of the phrase) − 2 × <paramref name="edits"/> of the phrase's
    /// distinct bigrams (every OCR row when that is 0 or less), by top-level doc id.
    /// </summary>
    private static IEnumerable<int> Candidates(TableSearcher searcher, string phrase, int edits)
    {
        var table = searcher.Table;
        var bigrams = Bigrams(phrase);
        var needed = bigrams.Count - 2 * edits;
        var counts = new Dictionary<int, int>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            if (needed <= 0)
            {
                for (var i = 0; i < atomic.MaxDoc; i++)
                {
                    var docId = leaf.DocBase + i;
                    if (table.KeysOf(docId) is { Exists: true, Ocr: true })
                    {
                        counts[docId] = 1;
                    }
                }
                continue;
            }
            var terms = atomic.GetTerms(FieldNames.TextChars);
            if (terms is null)
            {
                continue;
            }
            var termsEnum = terms.GetEnumerator();
            DocsEnum? docs = null;
            foreach (var bigram in bigrams)
            {
                if (!termsEnum.SeekExact(new BytesRef(bigram)))
                {
                    continue;
                }
                docs = termsEnum.Docs(atomic.LiveDocs, docs, DocsFlags.NONE);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    var docId = leaf.DocBase + doc;
                    if (table.KeysOf(docId).Ocr)
                    {
                        counts[docId] = counts.GetValueOrDefault(docId) + 1;
                    }
                }
            }
        }
        return counts.Where(c => needed <= 0 || c.Value >= needed).Select(c => c.Key).Order();
    }

    /// <summary>The distinct bigrams of <paramref name="phrase"/>, by code point, as the character field indexes them.</summary>
    private static HashSet<string> Bigrams(string phrase)
    {
        var starts = new List<int>(phrase.Length + 1);
        for (var i = 0; i < phrase.Length; i++)
        {
            starts.Add(i);
            if (char.IsHighSurrogate(phrase[i]) && i + 1 < phrase.Length && char.IsLowSurrogate(phrase[i + 1]))
            {
                i++;
            }
        }
        starts.Add(phrase.Length);
        var bigrams = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k + 2 < starts.Count; k++)
        {
            bigrams.Add(phrase[starts[k]..starts[k + 2]]);
        }
        return bigrams;
    }

    /// <summary>Windows sorted, overlapping ones merged (occurrences of two phrases in one place count once).</summary>
    private static List<(int Start, int End)> Merge(List<(int Start, int End)> windows)
    {
        windows.Sort();
        var merged = new List<(int Start, int End)>(windows.Count);
        foreach (var w in windows)
        {
            if (merged.Count > 0 && w.Start < merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, w.End));
            }
            else
            {
                merged.Add(w);
            }
        }
        return merged;
    }
}

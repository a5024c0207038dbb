using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Query;

namespace XiqingSearch.Core.Search.Highlighting;

/// <summary>
/// Counts the occurrences of a query's phrases in each matching paragraph from the character field's postings,
/// without reading the paragraph's stored text. The count is the one <see cref="OccurrenceFinder"/> gives from the
/// text: the character field holds code point i of the normalised text at position i (a bigram, or the last code
/// point alone), so a phrase of n code points starting at position p is the span [p, p + n) of the normalised
/// text, and overlapping spans merge exactly as the text scan merges them.
/// <para>
/// Used by one search on one thread, in doc id order (the collector does not accept out-of-order documents).
/// A phrase of two or more code points reads the positions of the bigrams at its even offsets (the terms its
/// exact-phrase query matches on); a single code point, alone in the query, sums the frequencies of the terms it
/// prefixes, once per segment. A single code point beside other phrases (rare: <c>发 OR 展</c>) has no position
/// list of its own to merge with the others, so that paragraph is counted from its text (<see cref="FromText"/>).
/// </para>
/// </summary>
internal sealed class OccurrenceCounter
{
    /// <summary>Returned by <see cref="Count"/> when the paragraph must be counted from its text.</summary>
    public const int FromText = -1;

    private readonly IndexSearcher _searcher;
    private readonly Phrase[] _phrases;
    private readonly SegmentPhrase?[] _segment;
    private readonly List<(int Start, int End)> _spans = [];
    private AtomicReaderContext? _context;
    private bool _opened;
    private int[]? _singleCounts;

    public OccurrenceCounter(IndexSearcher searcher, IReadOnlyList<string> normalizedPhrases)
    {
        _searcher = searcher;
        _phrases = [.. normalizedPhrases.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Select(Phrase.Of)];
        _segment = new SegmentPhrase?[_phrases.Length];
    }

    /// <summary>True when the query has no phrase to count (every count is 0).</summary>
    public bool IsEmpty => _phrases.Length == 0;

    /// <summary>
    /// Moves to the next segment. Its postings are opened on the first <see cref="Count"/> in it, so a segment
    /// whose counts all come from the exact-phrase scorer (<see cref="Engine.AllMatchesCollector"/>) never reads
    /// the positions a second time.
    /// </summary>
    public void SetNextReader(AtomicReaderContext context)
    {
        _context = context;
        _opened = false;
        _singleCounts = null;
    }

    /// <summary>
    /// True when the query is one phrase of two or more code points that cannot overlap itself (no proper prefix of
    /// it is also a suffix, as 发展 but not 哈哈 or 西青西): then its occurrences in a paragraph are exactly the phrase
    /// starts the exact-phrase scorer counts as the phrase frequency, and the postings need not be read again.
    /// </summary>
    public bool IsOneSelfDisjointPhrase => _phrases.Length == 1 && !_phrases[0].IsSingle && !_phrases[0].OverlapsItself;

    /// <summary>True when <paramref name="query"/> is this counter's only phrase, decomposed as it is here.</summary>
    public bool IsPhraseOf(ExactPhraseQuery query) =>
        _phrases.Length == 1 && query.Field == FieldNames.TextChars
        && query.Terms.Select(t => t.Text).SequenceEqual(_phrases[0].Terms, StringComparer.Ordinal)
        && query.Offsets.SequenceEqual(_phrases[0].Offsets);

    private void Open()
    {
        _opened = true;
        var context = _context ?? throw new InvalidOperationException("SetNextReader must be called before Count.");
        var terms = context.AtomicReader.GetTerms(FieldNames.TextChars);
        var termsEnum = terms?.GetEnumerator();
        for (var i = 0; i < _phrases.Length; i++)
        {
            _segment[i] = termsEnum is null || _phrases[i].IsSingle ? null : SegmentPhrase.Open(_phrases[i], termsEnum, context, _searcher);
        }
        if (_phrases.Length == 1 && _phrases[0].IsSingle && termsEnum is not null)
        {
            _singleCounts = SingleCounts(_phrases[0].Text, termsEnum, context.AtomicReader.MaxDoc);
        }
    }

    /// <summary>
    /// The number of (merged) occurrences in segment document <paramref name="doc"/>, or <see cref="FromText"/>.
    /// Documents must come in increasing order within a segment.
    /// </summary>
    public int Count(int doc)
    {
        if (_phrases.Length == 0)
        {
            return 0;
        }
        if (!_opened)
        {
            Open();
        }
        if (_singleCounts is not null)
        {
            return _singleCounts[doc];
        }
        _spans.Clear();
        for (var i = 0; i < _phrases.Length; i++)
        {
            if (_phrases[i].IsSingle)
            {
                return FromText;
            }
            _segment[i]?.AddSpans(doc, _spans);
        }
        if (_phrases.Length > 1)
        {
            _spans.Sort();
        }
        // Spans sorted by start; one that starts before the previous ends belongs to the same occurrence.
        var count = 0;
        var end = int.MinValue;
        foreach (var span in _spans)
        {
            if (span.Start >= end)
            {
                count++;
                end = span.End;
            }
            else
            {
                end = Math.Max(end, span.End);
            }
        }
        return count;
    }

    /// <summary>
    /// Occurrences of one code point per document of the segment: every term it prefixes (the bigrams starting
    /// with it and the paragraph's last code point alone) marks one occurrence per position, and spans of one
    /// code point never overlap, so the count is the sum of those terms' frequencies.
    /// </summary>
    private static int[] SingleCounts(string codePoint, TermsEnum termsEnum, int maxDoc)
    {
        var counts = new int[maxDoc];
        var prefix = new BytesRef(codePoint);
        if (termsEnum.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
        {
            return counts;
        }
        DocsEnum? docs = null;
        do
        {
            if (!StringHelper.StartsWith(termsEnum.Term, prefix))
            {
                break;
            }
            docs = termsEnum.Docs(null, docs, DocsFlags.FREQS);
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                counts[doc] += docs.Freq;
            }
        }
        while (termsEnum.MoveNext());
        return counts;
    }

    /// <summary>A phrase in terms of the character field: its bigrams at even offsets, and its length.</summary>
    private sealed class Phrase
    {
        public required string Text { get; init; }
        public required int Length { get; init; }
        public required string[] Terms { get; init; }
        public required int[] Offsets { get; init; }

        /// <summary>One code point: a prefix of terms, not a phrase of them.</summary>
        public bool IsSingle => Length == 1;

        /// <summary>True when two occurrences can overlap: some proper prefix is also a suffix (哈哈, 西青西).</summary>
        public required bool OverlapsItself { get; init; }

        /// <summary>
        /// The bigrams at the phrase's even code-point offsets, plus its last bigram when the length is odd: the
        /// decomposition the exact-phrase query uses, which matches exactly where the phrase occurs.
        /// </summary>
        public static Phrase Of(string normalized)
        {
            var starts = new List<int>(normalized.Length + 1);
            for (var i = 0; i < normalized.Length; i++)
            {
                starts.Add(i);
                if (char.IsHighSurrogate(normalized[i]) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
                {
                    i++;
                }
            }
            starts.Add(normalized.Length);
            var count = starts.Count - 1;
            var terms = new List<string>();
            var offsets = new List<int>();
            for (var k = 0; k + 1 < count; k += 2)
            {
                terms.Add(normalized[starts[k]..starts[k + 2]]);
                offsets.Add(k);
            }
            if (count > 1 && count % 2 == 1)
            {
                terms.Add(normalized[starts[count - 2]..starts[count]]);
                offsets.Add(count - 2);
            }
            var overlaps = false;
            for (var k = 1; k < count && !overlaps; k++)
            {
                // The suffix from code point k equals the prefix of the same length.
                var suffix = normalized.AsSpan(starts[k]);
                overlaps = normalized.AsSpan().StartsWith(suffix, StringComparison.Ordinal);
            }
            return new Phrase { Text = normalized, Length = count, Terms = [.. terms], Offsets = [.. offsets], OverlapsItself = overlaps };
        }
    }

    /// <summary>One phrase's postings in one segment, advanced document by document.</summary>
    private sealed class SegmentPhrase
    {
        private readonly Phrase _phrase;
        private readonly DocsAndPositionsEnum[] _postings;
        private readonly int[][] _starts;
        private readonly int[] _counts;
        private readonly List<int> _found = [];

        private SegmentPhrase(Phrase phrase, DocsAndPositionsEnum[] postings)
        {
            _phrase = phrase;
            _postings = postings;
            _starts = [.. postings.Select(_ => new int[8])];
            _counts = new int[postings.Length];
        }

        /// <summary>The phrase's postings in the segment, or null when a term is absent (no document holds it).</summary>
        public static SegmentPhrase? Open(Phrase phrase, TermsEnum termsEnum, AtomicReaderContext context, IndexSearcher searcher)
        {
            var postings = new DocsAndPositionsEnum[phrase.Terms.Length];
            for (var i = 0; i < postings.Length; i++)
            {
                var term = new Term(FieldNames.TextChars, phrase.Terms[i]);
                var state = TermStateCache.For(searcher, term).Get(context.Ord);
                if (state is null)
                {
                    return null;
                }
                termsEnum.SeekExact(term.Bytes, state);
                var enumerator = termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.NONE);
                if (enumerator is null)
                {
                    return null;
                }
                postings[i] = enumerator;
            }
            return new SegmentPhrase(phrase, postings);
        }

        /// <summary>Adds the spans [start, start + length) of every occurrence in <paramref name="doc"/>.</summary>
        public void AddSpans(int doc, List<(int Start, int End)> spans)
        {
            for (var i = 0; i < _postings.Length; i++)
            {
                var postings = _postings[i];
                var at = postings.DocID < doc ? postings.Advance(doc) : postings.DocID;
                if (at != doc)
                {
                    return;
                }
            }
            PhraseStarts(_postings, _phrase.Offsets, _postings.Length, _starts, _counts, _found);
            foreach (var start in _found)
            {
                spans.Add((start, start + _phrase.Length));
            }
        }
    }

    /// <summary>
    /// The phrase starts in the document every postings enumerator is on: each term's positions minus its offset
    /// (<paramref name="starts"/> and <paramref name="counts"/> are reused per term), and the starts all those
    /// ascending lists hold, in <paramref name="found"/> (cleared first), ascending.
    /// </summary>
    internal static void PhraseStarts(ReadOnlySpan<DocsAndPositionsEnum?> postings, IReadOnlyList<int> offsets, int terms,
        int[][] starts, int[] counts, List<int> found)
    {
        found.Clear();
        for (var i = 0; i < terms; i++)
        {
            var positions = postings[i]!;
            var count = positions.Freq;
            if (starts[i].Length < count)
            {
                starts[i] = new int[Math.Max(count, starts[i].Length * 2)];
            }
            var offset = offsets[i];
            for (var k = 0; k < count; k++)
            {
                starts[i][k] = positions.NextPosition() - offset;
            }
            counts[i] = count;
        }
        Span<int> cursors = stackalloc int[terms];
        for (var k = 0; k < counts[0]; k++)
        {
            var start = starts[0][k];
            var inAll = true;
            for (var i = 1; i < terms && inAll; i++)
            {
                while (cursors[i] < counts[i] && starts[i][cursors[i]] < start)
                {
                    cursors[i]++;
                }
                if (cursors[i] == counts[i])
                {
                    return;
                }
                inAll = starts[i][cursors[i]] == start;
            }
            if (inAll)
            {
                found.Add(start);
            }
        }
    }
}

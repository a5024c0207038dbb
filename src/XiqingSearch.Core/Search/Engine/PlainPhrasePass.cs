using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Highlighting;
using XiqingSearch.Core.Search.Query;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// One pass over the character field's postings for every plain phrase of a comparison: a phrase that compiles to
/// one exact phrase on the paragraph's text (its bigrams at their offsets) or to one code point (a prefix of the
/// bigrams). Such a query matches a paragraph exactly where the phrase occurs, so its occurrences, counted from the
/// positions, say both whether it matches (more than none) and what a search counts there
/// (<see cref="MatchOccurrences"/>: the phrase starts every bigram agrees on, overlapping ones merged; for one code
/// point, the frequencies of the bigrams it starts). The pass reads them without a Lucene weight, scorer or
/// occurrence counter per phrase: per segment one terms enumerator serves every phrase, and the postings
/// enumerators are reused from phrase to phrase, so a phrase costs its term look-ups and its postings near the
/// representatives of the texts (<see cref="TextGroups"/>), which was most of a comparison's cost at a small size.
/// Any other query (several phrases, operators, fields, approximate matches of recognised text, a heading filter)
/// is not plain and is counted by the query as search runs it.
/// </summary>
internal sealed class PlainPhrasePass(IndexSearcher searcher, TextGroups groups)
{
    private DocsAndPositionsEnum?[] _positions = [];
    private DocsEnum? _docs;
    private int[][] _starts = [];
    private int[] _counts = [];
    private int[] _order = [];
    private int[] _docFreq = [];
    private int[]? _prefixCounts;
    private readonly List<int> _touched = [];
    private readonly List<int> _found = [];

    /// <summary>A plain phrase of row <paramref name="Row"/>: its bigrams and their offsets, or its one code point as a prefix.</summary>
    internal sealed record Phrase(int Row, Term[] Terms, int[] Offsets, int Length, BytesRef? Prefix);

    /// <summary>
    /// <paramref name="query"/> (matched, not ranked: <see cref="CompareCounter.MatchOnly"/>) as a plain phrase of row
    /// <paramref name="row"/>, or null when it is any other query.
    /// </summary>
    public static Phrase? Of(Lucene.Net.Search.Query query, int row) => query switch
    {
        ExactPhraseQuery exact when exact.Field == FieldNames.TextChars && exact.Boost == 1f =>
            new Phrase(row, [.. exact.Terms], [.. exact.Offsets], exact.Offsets.Max() + 2, null),
        PrefixQuery prefix when prefix.Field == FieldNames.TextChars && IsOneCodePoint(prefix.Prefix.Text) =>
            new Phrase(row, [], [], 1, new BytesRef(prefix.Prefix.Text)),
        _ => null,
    };

    private static bool IsOneCodePoint(string text) =>
        text.Length == 1 ? !char.IsSurrogate(text[0]) : text.Length == 2 && char.IsSurrogatePair(text[0], text[1]);

    /// <summary>
    /// Each phrase's occurrences in each representative of a group of equal texts that holds it, added to
    /// <paramref name="found"/> as (group, row, occurrences).
    /// </summary>
    public void Match(IReadOnlyList<Phrase> phrases, Action<int, int, int> found)
    {
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (groups.RepresentativesIn(leaf.Ord).Length == 0 || leaf.AtomicReader.GetTerms(FieldNames.TextChars) is not { } terms)
            {
                continue;
            }
            // One enumerator of the field's terms for the segment, and the postings enumerators carried from phrase
            // to phrase (a new one is made only for another segment's files).
            var termsEnum = terms.GetEnumerator();
            var accepted = groups.AcceptedIn(leaf.Ord);
            foreach (var phrase in phrases)
            {
                if (phrase.Prefix is { } prefix)
                {
                    MatchCodePoint(phrase.Row, prefix, termsEnum, accepted, leaf, found);
                }
                else
                {
                    MatchBigrams(phrase, termsEnum, accepted, leaf, found);
                }
            }
        }
    }

    /// <summary>
    /// The representatives holding every bigram of the phrase (the rarest leads, the others are advanced to it), and
    /// in each the phrase starts all bigrams agree on.
    /// </summary>
    private void MatchBigrams(Phrase phrase, TermsEnum termsEnum, IBits accepted, AtomicReaderContext leaf, Action<int, int, int> found)
    {
        var n = phrase.Terms.Length;
        if (n == 1 && !RepeatsItsCodePoint(phrase.Terms[0].Text))
        {
            MatchOneBigram(phrase, termsEnum, accepted, leaf, found);
            return;
        }
        Reserve(n);
        for (var i = 0; i < n; i++)
        {
            var term = phrase.Terms[i];
            if (TermStateCache.For(searcher, term).Get(leaf.Ord) is not { } state)
            {
                return; // a bigram absent from this segment: no paragraph in it holds the phrase
            }
            termsEnum.SeekExact(term.Bytes, state);
            _positions[i] = termsEnum.DocsAndPositions(accepted, _positions[i], DocsAndPositionsFlags.NONE)
                ?? throw new InvalidOperationException($"Field {term.Field} has no positions; it cannot be searched by phrase.");
            _docFreq[i] = termsEnum.DocFreq;
            _order[i] = i;
        }
        // The rarest bigram first (a few bigrams: insertion sort).
        for (var i = 1; i < n; i++)
        {
            for (var k = i; k > 0 && _docFreq[_order[k]] < _docFreq[_order[k - 1]]; k--)
            {
                (_order[k], _order[k - 1]) = (_order[k - 1], _order[k]);
            }
        }
        var lead = _positions[_order[0]]!;
        var doc = lead.NextDoc();
        while (doc != DocIdSetIterator.NO_MORE_DOCS)
        {
            var allThere = true;
            for (var j = 1; j < n; j++)
            {
                var postings = _positions[_order[j]]!;
                var at = postings.DocID < doc ? postings.Advance(doc) : postings.DocID;
                if (at > doc)
                {
                    doc = at == DocIdSetIterator.NO_MORE_DOCS ? at : lead.Advance(at);
                    allThere = false;
                    break;
                }
            }
            if (!allThere)
            {
                continue;
            }
            var occurrences = Occurrences(phrase, n);
            if (occurrences > 0)
            {
                found(groups.GroupOf(leaf.DocBase + doc), phrase.Row, occurrences);
            }
            doc = lead.NextDoc();
        }
    }

    /// <summary>
    /// A phrase of two different code points: each position of its bigram is one occurrence (two cannot overlap),
    /// so the frequency is the count and no position is read, as the search's exact-phrase scorer counts it.
    /// </summary>
    private void MatchOneBigram(Phrase phrase, TermsEnum termsEnum, IBits accepted, AtomicReaderContext leaf, Action<int, int, int> found)
    {
        var term = phrase.Terms[0];
        if (TermStateCache.For(searcher, term).Get(leaf.Ord) is not { } state)
        {
            return;
        }
        termsEnum.SeekExact(term.Bytes, state);
        _docs = termsEnum.Docs(accepted, _docs, DocsFlags.FREQS);
        int doc;
        while ((doc = _docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            found(groups.GroupOf(leaf.DocBase + doc), phrase.Row, _docs.Freq);
        }
    }

    /// <summary>True for a bigram of one code point twice (哈哈), whose occurrences can overlap.</summary>
    private static bool RepeatsItsCodePoint(string bigram)
    {
        var first = char.IsSurrogatePair(bigram, 0) ? 2 : 1;
        return bigram.AsSpan(0, first).SequenceEqual(bigram.AsSpan(first));
    }

    /// <summary>
    /// The phrase's occurrences in the current document: the starts (position − offset) every bigram's list holds,
    /// and of those that overlap (哈哈 in 哈哈哈) one, as the text scan merges them.
    /// </summary>
    private int Occurrences(Phrase phrase, int n)
    {
        OccurrenceCounter.PhraseStarts(_positions, phrase.Offsets, n, _starts, _counts, _found);
        var occurrences = 0;
        var end = int.MinValue;
        foreach (var start in _found)
        {
            // Every occurrence spans the phrase's length from its start, and starts ascend.
            if (start >= end)
            {
                occurrences++;
            }
            end = start + phrase.Length;
        }
        return occurrences;
    }

    /// <summary>
    /// One code point: every bigram it starts (and the paragraph's last code point alone) marks one occurrence per
    /// position, so the representatives holding any of them match, with the sum of their frequencies.
    /// </summary>
    private void MatchCodePoint(int row, BytesRef prefix, TermsEnum termsEnum, IBits accepted, AtomicReaderContext leaf, Action<int, int, int> found)
    {
        if (termsEnum.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
        {
            return;
        }
        var maxDoc = leaf.AtomicReader.MaxDoc;
        if (_prefixCounts is null || _prefixCounts.Length < maxDoc)
        {
            _prefixCounts = new int[maxDoc];
        }
        var counts = _prefixCounts;
        do
        {
            if (!StringHelper.StartsWith(termsEnum.Term, prefix))
            {
                break;
            }
            _docs = termsEnum.Docs(accepted, _docs, DocsFlags.FREQS);
            int doc;
            while ((doc = _docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (counts[doc] == 0)
                {
                    _touched.Add(doc);
                }
                counts[doc] += _docs.Freq;
            }
        }
        while (termsEnum.MoveNext());
        foreach (var doc in _touched)
        {
            found(groups.GroupOf(leaf.DocBase + doc), row, counts[doc]);
            counts[doc] = 0;
        }
        _touched.Clear();
    }

    /// <summary>Room for a phrase of <paramref name="terms"/> bigrams in the reused arrays.</summary>
    private void Reserve(int terms)
    {
        if (_positions.Length >= terms)
        {
            return;
        }
        Array.Resize(ref _positions, terms);
        var from = _starts.Length;
        Array.Resize(ref _starts, terms);
        for (var i = from; i < terms; i++)
        {
            _starts[i] = new int[8];
        }
        Array.Resize(ref _counts, terms);
        Array.Resize(ref _order, terms);
        Array.Resize(ref _docFreq, terms);
    }
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using XiqingSearch.Core.Search.Commit;
using LuceneQuery = Lucene.Net.Search.Query;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// An exact phrase (no slop) over a field indexed with positions: each term must sit at its own offset from the
/// phrase start. It matches and scores exactly as Lucene's <see cref="PhraseQuery"/> with slop 0 does (BM25 of
/// the phrase's frequency in the paragraph), but is built for this index's short phrases of a few bigrams over
/// small paragraphs: term lookups come from the searcher's <see cref="TermStateCache"/>, and matching a paragraph
/// compares a few short position lists instead of filling the 4,096-entry windows Lucene's scorer allocates for
/// every query.
/// </summary>
internal sealed class ExactPhraseQuery : LuceneQuery
{
    private readonly Term[] _terms;
    private readonly int[] _offsets;

    /// <param name="field">The field all terms are in.</param>
    /// <param name="terms">The phrase's terms, with <paramref name="offsets"/> their positions from its start.</param>
    /// <param name="offsets">Position of each term relative to the phrase's first position (0 for the first).</param>
    public ExactPhraseQuery(string field, IReadOnlyList<string> terms, IReadOnlyList<int> offsets)
    {
        if (terms.Count == 0 || terms.Count != offsets.Count)
        {
            throw new ArgumentException("A phrase needs one offset per term, and at least one term.", nameof(terms));
        }
        Field = field;
        _terms = terms.Select(t => new Term(field, t)).ToArray();
        _offsets = offsets.ToArray();
    }

    /// <summary>The field searched.</summary>
    public string Field { get; }

    /// <summary>The terms in phrase order.</summary>
    public IReadOnlyList<Term> Terms => _terms;

    /// <summary>Each term's position relative to the phrase start.</summary>
    public IReadOnlyList<int> Offsets => _offsets;

    public override Weight CreateWeight(IndexSearcher searcher) => new PhraseWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => terms.UnionWith(_terms);

    public override string ToString(string field)
    {
        var text = new StringBuilder();
        if (field != Field)
        {
            text.Append(Field).Append(':');
        }
        text.Append('"');
        for (var i = 0; i < _terms.Length; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(_terms[i].Text).Append('@').Append(_offsets[i]);
        }
        text.Append('"').Append(ToStringUtils.Boost(Boost));
        return text.ToString();
    }

    public override bool Equals(object? obj) =>
        obj is ExactPhraseQuery other && other.Boost.Equals(Boost) && other.Field == Field
        && other._terms.SequenceEqual(_terms) && other._offsets.AsSpan().SequenceEqual(_offsets);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Boost);
        hash.Add(Field);
        foreach (var term in _terms)
        {
            hash.Add(term);
        }
        foreach (var offset in _offsets)
        {
            hash.Add(offset);
        }
        return hash.ToHashCode();
    }

    private sealed class PhraseWeight : Weight
    {
        private readonly ExactPhraseQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly TermContext[] _states;

        public PhraseWeight(ExactPhraseQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            _states = new TermContext[query._terms.Length];
            var termStats = new TermStatistics[query._terms.Length];
            for (var i = 0; i < _states.Length; i++)
            {
                _states[i] = TermStateCache.For(searcher, query._terms[i]);
                termStats[i] = searcher.TermStatistics(query._terms[i], _states[i]);
            }
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Field), termStats);
        }

        public override LuceneQuery Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var fieldTerms = context.AtomicReader.GetTerms(_query.Field);
            if (fieldTerms is null)
            {
                return null;
            }
            var termsEnum = fieldTerms.GetEnumerator();
            if (_states.Length == 1)
            {
                // One term (a phrase of two code points, one bigram): every position of the term is a phrase start,
                // so the frequency is the term's own and no position needs reading.
                var state = _states[0].Get(context.Ord);
                if (state is null)
                {
                    return null;
                }
                termsEnum.SeekExact(_query._terms[0].Bytes, state);
                var docs = termsEnum.Docs(acceptDocs, null, DocsFlags.FREQS);
                return new PhraseScorer(this, [new TermPostings(docs, termsEnum.DocFreq, _query._offsets[0])], _similarity.GetSimScorer(_stats, context));
            }
            var postings = new TermPostings[_states.Length];
            for (var i = 0; i < _states.Length; i++)
            {
                var state = _states[i].Get(context.Ord);
                if (state is null)
                {
                    return null; // a term absent from this segment: no paragraph in it can hold the phrase
                }
                var term = _query._terms[i];
                termsEnum.SeekExact(term.Bytes, state);
                var enumerator = termsEnum.DocsAndPositions(acceptDocs, null, DocsAndPositionsFlags.NONE)
                    ?? throw new InvalidOperationException($"Field {term.Field} has no positions; it cannot be searched by phrase.");
                postings[i] = new TermPostings(enumerator, termsEnum.DocFreq, _query._offsets[i]);
            }
            // The rarest term leads: every other list is only advanced to the documents it proposes.
            Array.Sort(postings, static (a, b) => a.DocFreq.CompareTo(b.DocFreq));
            return new PhraseScorer(this, postings, _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is null || scorer.Advance(doc) != doc)
            {
                return new ComplexExplanation(false, 0f, "no matching phrase");
            }
            var detail = _similarity.GetSimScorer(_stats, context).Explain(doc, new Explanation(scorer.Freq, "phraseFreq=" + scorer.Freq));
            var result = new ComplexExplanation(true, detail.Value, $"weight({_query} in {doc}) [{_similarity.GetType().Name}], result of:");
            result.AddDetail(detail);
            return result;
        }
    }

    /// <summary>One term's postings (with positions, unless the phrase is this one term) and its offset in the phrase.</summary>
    private sealed class TermPostings(DocsEnum postings, int docFreq, int offset)
    {
        public DocsEnum Postings { get; } = postings;
        public int DocFreq { get; } = docFreq;
        public int Offset { get; } = offset;

        /// <summary>This document's phrase-start candidates (position − offset), ascending, reused between documents.</summary>
        public int[] Starts { get; set; } = new int[8];
        public int Count { get; set; }
    }

    /// <summary>
    /// Walks the documents that hold every term (the rarest term proposes, the others confirm), and in each counts
    /// the phrase starts all terms agree on: a multi-way intersection of the terms' (position − offset) lists.
    /// </summary>
    private sealed class PhraseScorer(Weight weight, TermPostings[] terms, Similarity.SimScorer docScorer) : Scorer(weight)
    {
        private readonly TermPostings[] _terms = terms;
        private readonly Similarity.SimScorer _docScorer = docScorer;
        private int _doc = -1;
        private int _freq;

        public override int DocID => _doc;

        public override int Freq => _freq;

        public override float GetScore() => _docScorer.Score(_doc, _freq);

        public override long GetCost() => _terms[0].Postings.GetCost();

        public override int NextDoc() => _doc = FirstMatchFrom(_terms[0].Postings.NextDoc());

        public override int Advance(int target) => _doc = FirstMatchFrom(_terms[0].Postings.Advance(target));

        /// <summary>The first document at or after <paramref name="candidate"/> (the lead's current one) holding the phrase.</summary>
        private int FirstMatchFrom(int candidate)
        {
            while (candidate != NO_MORE_DOCS)
            {
                var allThere = true;
                for (var i = 1; i < _terms.Length; i++)
                {
                    var postings = _terms[i].Postings;
                    var doc = postings.DocID < candidate ? postings.Advance(candidate) : postings.DocID;
                    if (doc > candidate)
                    {
                        // This term skips ahead: so must the lead (NO_MORE_DOCS ends the walk).
                        candidate = doc == NO_MORE_DOCS ? NO_MORE_DOCS : _terms[0].Postings.Advance(doc);
                        allThere = false;
                        break;
                    }
                }
                if (!allThere)
                {
                    continue;
                }
                _freq = CountPhrases();
                if (_freq > 0)
                {
                    return candidate;
                }
                candidate = _terms[0].Postings.NextDoc();
            }
            return NO_MORE_DOCS;
        }

        /// <summary>How many phrase starts every term's (position − offset) list contains, in the current document.</summary>
        private int CountPhrases()
        {
            if (_terms.Length == 1)
            {
                return _terms[0].Postings.Freq;
            }
            foreach (var term in _terms)
            {
                var positions = (DocsAndPositionsEnum)term.Postings;
                var count = positions.Freq;
                if (term.Starts.Length < count)
                {
                    term.Starts = new int[Math.Max(count, term.Starts.Length * 2)];
                }
                for (var k = 0; k < count; k++)
                {
                    term.Starts[k] = positions.NextPosition() - term.Offset;
                }
                term.Count = count;
            }

            // Every list is ascending: advance a cursor in each to the lead's start; a start all lists hold is a match.
            Span<int> cursors = stackalloc int[_terms.Length];
            var lead = _terms[0];
            var matches = 0;
            for (var k = 0; k < lead.Count; k++)
            {
                var start = lead.Starts[k];
                var inAll = true;
                for (var i = 1; i < _terms.Length && inAll; i++)
                {
                    var term = _terms[i];
                    while (cursors[i] < term.Count && term.Starts[cursors[i]] < start)
                    {
                        cursors[i]++;
                    }
                    if (cursors[i] == term.Count)
                    {
                        return matches; // one list is used up: no later start can be in all of them
                    }
                    inAll = term.Starts[cursors[i]] == start;
                }
                if (inAll)
                {
                    matches++;
                }
            }
            return matches;
        }
    }
}

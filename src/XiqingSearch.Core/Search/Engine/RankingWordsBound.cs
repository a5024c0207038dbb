using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Search.Commit;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>A ceiling on a match's score that costs only the phrase's own score and a norm.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>The query: one phrase with its SmartCn ranking words (<see cref="Query.PhraseQueryBuilder"/>), the exact
/// phrase required and the words optional; its score is the phrase's BM25 plus the words'.</item>
/// <item>Any word: its BM25 stays below <c>idf × boost × (k1 + 1)</c>, as <c>tf / (tf + norm)</c> stays below 1.</item>
/// <item>A word that is the whole phrase, in Chinese characters neither analysis changes: it occurs in a paragraph at
/// most as often as the phrase, so it scores at most BM25's own score of it at the phrase's frequency there.</item>
/// <item>Use: a match whose ceiling cannot reach the page's worst score is not scored further, so the words'
/// postings (a quarter of a common phrase's search) are advanced only for matches that could enter the page. The
/// scores taken are Lucene's own: the page and its scores are those of scoring every match.</item>
/// </list>
/// </remarks>
internal sealed class RankingWordsBound
{
    /// <summary>
    /// Room above the ceiling for rounding: Lucene sums and divides in single precision, in its own order; a tenth of a
    /// percent is thousands of times that rounding, and costs a few more full scores.
    /// </summary>
    private const float Margin = 1.001f;

    private readonly Query.ExactPhraseQuery _phrase;
    private readonly Similarity _similarity;
    private readonly float _unbounded;
    private readonly Similarity.SimWeight[] _byPhraseFrequency;

    private RankingWordsBound(Query.ExactPhraseQuery phrase, Similarity similarity, float unbounded, Similarity.SimWeight[] byPhraseFrequency)
    {
        _phrase = phrase;
        _similarity = similarity;
        _unbounded = unbounded;
        _byPhraseFrequency = byPhraseFrequency;
    }

    /// <summary>
    /// Below this many paragraphs holding every term of the phrase the bound is not made: it costs about 10 µs (the
    /// words' statistics), more than scoring the few matches it could spare (the first batch is scored whole).
    /// </summary>
    public const int WorthwhileMatches = 1_000;

    /// <summary>
    /// The bound of <paramref name="query"/> on <paramref name="searcher"/>, or null when the query is not one phrase
    /// with ranking words scored by plain BM25, or its rarest term is in fewer than <paramref name="fromMatches"/>
    /// paragraphs (then every match is scored).
    /// </summary>
    public static RankingWordsBound? For(Lucene.Net.Search.Query query, IndexSearcher searcher, int fromMatches = 0)
    {
        if (searcher.Similarity.GetType() != typeof(BM25Similarity) || !IsPhraseWithWords(query, out var phrase, out var words)
            || phrase.Terms.Min(t => TermStateCache.For(searcher, t).DocFreq) < fromMatches)
        {
            return null;
        }
        var bm25 = (BM25Similarity)searcher.Similarity;
        var text = TextOf(phrase);
        var unbounded = 0.0;
        var byFrequency = new List<Similarity.SimWeight>();
        foreach (var word in words)
        {
            // The word's weight as Lucene's TermWeight makes it: its statistics, its boost, the query's boost above.
            var term = word.Term;
            var weight = bm25.ComputeWeight(word.Boost, searcher.CollectionStatistics(term.Field),
                searcher.TermStatistics(term, TermStateCache.For(searcher, term)));
            weight.Normalize(1f, query.Boost);
            if (text is not null && term.Text == text && IsPlainHan(text) && MatchFolding.Normalize(text) == text)
            {
                byFrequency.Add(weight);
            }
            else
            {
                // Its value for normalisation is (idf × the word's boost)².
                unbounded += Math.Sqrt(weight.GetValueForNormalization()) * query.Boost * (bm25.K1 + 1);
            }
        }
        return new RankingWordsBound(phrase, bm25, (float)unbounded, [.. byFrequency]);
    }

    /// <summary>
    /// The bound on one segment, whose query scorer is <paramref name="scorer"/>; null when its shape is not the one
    /// expected (then that segment's matches are all scored).
    /// </summary>
    public Segment? On(Scorer scorer, AtomicReaderContext context)
    {
        foreach (var child in scorer.GetChildren())
        {
            if (child.Relationship == "MUST" && child.Child.Weight?.Query == _phrase)
            {
                var scorers = new Similarity.SimScorer[_byPhraseFrequency.Length];
                for (var i = 0; i < scorers.Length; i++)
                {
                    scorers[i] = _similarity.GetSimScorer(_byPhraseFrequency[i], context);
                }
                return new Segment(child.Child, _unbounded, scorers);
            }
        }
        return null;
    }

    /// <summary>The bound within one segment.</summary>
    internal sealed class Segment(Scorer phrase, float unbounded, Similarity.SimScorer[] byPhraseFrequency)
    {
        /// <summary>
        /// At least the score of the match the query's scorer is on (before <see cref="RelevanceAdjustment"/>, which
        /// only lowers it); <paramref name="doc"/> is its number in the segment.
        /// </summary>
        public float Ceiling(int doc)
        {
            var words = unbounded;
            if (byPhraseFrequency.Length > 0)
            {
                var frequency = phrase.Freq;
                foreach (var word in byPhraseFrequency)
                {
                    words += word.Score(doc, frequency);
                }
            }
            return phrase.GetScore() + words * Margin;
        }
    }

    /// <summary>
    /// The shape <see cref="Query.PhraseQueryBuilder"/> makes of one phrase: one required exact phrase and optional terms,
    /// nothing excluded, every boost positive (so every part of the score is, and a ceiling of each part bounds the sum).
    /// </summary>
    private static bool IsPhraseWithWords(Lucene.Net.Search.Query query, out Query.ExactPhraseQuery phrase, out List<TermQuery> words)
    {
        phrase = null!;
        words = [];
        if (query is not BooleanQuery { MinimumNumberShouldMatch: 0 } boolean || boolean.Boost <= 0 || boolean.Clauses.Count < 2)
        {
            return false;
        }
        foreach (var clause in boolean.Clauses)
        {
            if (clause.Query.Boost <= 0)
            {
                return false;
            }
            switch (clause.Occur)
            {
                case Occur.MUST when clause.Query is Query.ExactPhraseQuery exact && phrase is null:
                    phrase = exact;
                    break;
                case Occur.SHOULD when clause.Query is TermQuery word:
                    words.Add(word);
                    break;
                default:
                    return false;
            }
        }
        return phrase is not null;
    }

    /// <summary>
    /// The folded text of <paramref name="phrase"/>, put back together from its bigrams at their offsets (null when a
    /// term is not two UTF-16 units, as around a surrogate pair, or the bigrams leave a gap).
    /// </summary>
    private static string? TextOf(Query.ExactPhraseQuery phrase)
    {
        var terms = phrase.Terms;
        var offsets = phrase.Offsets;
        var length = offsets[^1] + 2;
        var text = new char[length];
        var filled = new bool[length];
        for (var i = 0; i < terms.Count; i++)
        {
            var bigram = terms[i].Text;
            if (bigram.Length != 2 || offsets[i] < 0 || offsets[i] + 2 > length)
            {
                return null;
            }
            for (var k = 0; k < 2; k++)
            {
                var at = offsets[i] + k;
                if (filled[at] && text[at] != bigram[k])
                {
                    return null;
                }
                text[at] = bigram[k];
                filled[at] = true;
            }
        }
        return Array.TrueForAll(filled, f => f) ? new string(text) : null;
    }

    /// <summary>
    /// True when every character is a common Chinese ideograph: SmartCn keeps such characters as they are (no case,
    /// width or stemming), and the matching folds leave them too (the phrase text is already folded), so a word token
    /// of this text is an occurrence of the phrase in the folded text.
    /// </summary>
    private static bool IsPlainHan(string text)
    {
        foreach (var c in text)
        {
            if (c is < '\u4E00' or > '\u9FFF')
            {
                return false;
            }
        }
        return text.Length > 0;
    }
}

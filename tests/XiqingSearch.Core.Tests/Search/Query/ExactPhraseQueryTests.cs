using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Query;

namespace XiqingSearch.Core.Tests.Search.Query;

/// <summary>
/// <see cref="ExactPhraseQuery"/> must match and score exactly as Lucene's slop-0 <see cref="PhraseQuery"/> over
/// the same terms: on the seed index for hundreds of phrases, and on random texts over a three-letter alphabet,
/// where repeated and overlapping bigrams are the rule rather than the exception.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class ExactPhraseQueryTests(SeedIndexFixture index)
{
    [Fact]
    public void SeedIndex_SampledPhrases_SameDocumentsFrequenciesAndScoresAsLucenePhraseQuery()
    {
        using var directory = FSDirectory.Open(index.Directory);
        using var reader = DirectoryReader.Open(directory);
        var cached = new TableSearcher(reader, generation: 0); // term lookups through its TermStateCache
        var plain = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var random = new Random(11);
        var compared = 0;
        foreach (var (_, paragraph) in index.Paragraphs.Where((_, i) => i % 2 == 0))
        {
            var text = MatchFolding.Normalize(paragraph.Text);
            if (text.Length < 3 || text.Any(char.IsSurrogate))
            {
                continue;
            }
            var length = random.Next(2, Math.Min(10, text.Length + 1));
            var phrase = text.Substring(random.Next(0, text.Length - length + 1), length);
            var (terms, offsets) = Bigrams(phrase);

            var expected = Run(plain, LucenePhrase(FieldNames.TextChars, terms, offsets));
            Assert.NotEmpty(expected); // the phrase was taken from a paragraph
            Assert.Equal(expected, Run(cached, new ExactPhraseQuery(FieldNames.TextChars, terms, offsets)));
            Assert.Equal(expected, Run(plain, new ExactPhraseQuery(FieldNames.TextChars, terms, offsets)));
            compared++;
        }
        Assert.True(compared >= 250, $"only {compared} phrases compared");
        Assert.True(cached.TermStates.Count > 0);
    }

    [Fact]
    public void RandomTexts_RepeatedAndOverlappingBigrams_MatchSubstringCountsAndLucene()
    {
        var random = new Random(5);
        const string Alphabet = "甲乙丙";
        string RandomText(int min, int max) =>
            new(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

        var texts = Enumerable.Range(0, 300).Select(_ => RandomText(1, 40)).ToList();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new BigramAnalyzer())))
        {
            for (var i = 0; i < texts.Count; i++)
            {
                writer.AddDocument([new TextField("chars", texts[i], Field.Store.NO)]);
                if (i % 70 == 69)
                {
                    writer.Commit(); // several segments
                }
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };

        for (var n = 0; n < 400; n++)
        {
            var phrase = RandomText(2, 7);
            var (terms, offsets) = Bigrams(phrase);
            var found = Run(searcher, new ExactPhraseQuery("chars", terms, offsets));

            var expected = texts.Select((t, doc) => (Doc: doc, Count: OverlappingCount(t, phrase))).Where(x => x.Count > 0).ToList();
            Assert.Equal(expected.Select(x => x.Doc), found.Select(f => f.Doc));
            Assert.Equal(expected.Select(x => x.Count), found.Select(f => f.Freq));
            Assert.Equal(Run(searcher, LucenePhrase("chars", terms, offsets)), found);
        }
    }

    [Fact]
    public void TermAbsentFromTheIndex_MatchesNothing()
    {
        using var directory = FSDirectory.Open(index.Directory);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new TableSearcher(reader, generation: 0);
        var (terms, offsets) = Bigrams("天开西青园龘龘");
        Assert.Empty(Run(searcher, new ExactPhraseQuery(FieldNames.TextChars, terms, offsets)));
    }

    [Fact]
    public void TermStateCache_StaysBoundedAndAgreesWithAFreshLookup()
    {
        using var directory = FSDirectory.Open(index.Directory);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new TableSearcher(reader, generation: 0);
        var cache = searcher.TermStates;
        var known = new Term(FieldNames.TextChars, "西青");
        Assert.Equal(TermContext.Build(searcher.TopReaderContext, known).DocFreq, cache.Get(known).DocFreq);
        Assert.Same(cache.Get(known), cache.Get(new Term(FieldNames.TextChars, "西青")));

        for (var i = 0; i < TermStateCache.MaxTerms + 10; i++)
        {
            cache.Get(new Term(FieldNames.TextChars, "x" + i));
            Assert.True(cache.Count <= TermStateCache.MaxTerms);
        }
        Assert.Equal(TermContext.Build(searcher.TopReaderContext, known).DocFreq, cache.Get(known).DocFreq);
    }

    [Fact]
    public void Equality_FollowsFieldTermsOffsetsAndBoost()
    {
        var a = new ExactPhraseQuery("f", ["西青", "青园"], [0, 1]);
        Assert.Equal(a, new ExactPhraseQuery("f", ["西青", "青园"], [0, 1]));
        Assert.Equal(a.GetHashCode(), new ExactPhraseQuery("f", ["西青", "青园"], [0, 1]).GetHashCode());
        Assert.NotEqual(a, new ExactPhraseQuery("f", ["西青", "青园"], [0, 2]));
        Assert.NotEqual(a, new ExactPhraseQuery("g", ["西青", "青园"], [0, 1]));
        Assert.NotEqual(a, new ExactPhraseQuery("f", ["西青", "青园"], [0, 1]) { Boost = 2 });
        Assert.Throws<ArgumentException>(() => new ExactPhraseQuery("f", ["西青"], [0, 1]));
    }

    /// <summary>The bigrams the query side uses for a phrase: at even offsets, plus the last one for odd lengths.</summary>
    private static (List<string> Terms, List<int> Offsets) Bigrams(string phrase)
    {
        var terms = new List<string>();
        var offsets = new List<int>();
        for (var k = 0; k + 1 < phrase.Length; k += 2)
        {
            terms.Add(phrase.Substring(k, 2));
            offsets.Add(k);
        }
        if (phrase.Length % 2 == 1)
        {
            terms.Add(phrase.Substring(phrase.Length - 2, 2));
            offsets.Add(phrase.Length - 2);
        }
        return (terms, offsets);
    }

    private static PhraseQuery LucenePhrase(string field, List<string> terms, List<int> offsets)
    {
        var query = new PhraseQuery();
        for (var i = 0; i < terms.Count; i++)
        {
            query.Add(new Term(field, terms[i]), offsets[i]);
        }
        return query;
    }

    private static int OverlappingCount(string text, string phrase)
    {
        var count = 0;
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>Every match in document order, with the phrase frequency and the score.</summary>
    private static List<(int Doc, int Freq, float Score)> Run(IndexSearcher searcher, Lucene.Net.Search.Query query)
    {
        var collector = new FrequencyCollector();
        searcher.Search(query, collector);
        return collector.Matches;
    }

    private sealed class FrequencyCollector : ICollector
    {
        private Scorer? _scorer;
        private int _base;

        public List<(int Doc, int Freq, float Score)> Matches { get; } = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;

        public void Collect(int doc) => Matches.Add((_base + doc, _scorer!.Freq, _scorer.GetScore()));
    }
}

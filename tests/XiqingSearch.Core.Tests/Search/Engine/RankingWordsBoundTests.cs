using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Facets;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;
using XiqingSearch.Core.Tests.Ingestion;
using IndexOptions = XiqingSearch.Core.Indexing.IndexOptions;

namespace XiqingSearch.Core.Tests.Search.Engine;

/// <summary>
/// A match is scored in full only when its ceiling (<see cref="RankingWordsBound"/>) can reach the page: the ceiling
/// must never be below Lucene's score, and every answer must be the one scoring every match gives, on the seeds and
/// on the seeds copied (where the copies tie at the page's worst score).
/// </summary>
public sealed class RankingWordsBoundTests : IClassFixture<RankingWordsBoundTests.CopiesIndex>
{
    private readonly CopiesIndex _copies;

    public RankingWordsBoundTests(CopiesIndex copies) => _copies = copies;

    /// <summary>Phrases that are one SmartCn word, several, with Latin letters and digits, and one character.</summary>
    private static readonly string[] Phrases =
        ["发展", "天津", "西青区", "京津冀协同发展", "高质量发展", "天开西青园", "中芯国际", "专精特新", "数字经济", "新质生产力", "AI", "5G", "2024年", "水"];

    public static TheoryData<string> Queries => new()
    {
        "发展", "天津", "\"西青区\"", "京津冀协同发展", "高质量发展", "天开西青园", "数字经济", "AI", "2024年", "水",
        "天津 发展", "天津 OR 西青区", "发展 -天津", "\"高质量发展\" year:2024", "exact:发展",
    };

    [Fact]
    public void Ceiling_EveryMatchOfEveryPhrase_IsAtLeastLucenesScore()
    {
        using var directory = FSDirectory.Open(_copies.Options.IndexDirectory);
        var searcher = CommitLoader.Open(directory);
        try
        {
            using var smartCn = new SmartCnAnalyzer(IndexAnalyzers.SmartCnOptions(_copies.Options));
            var bounded = 0;
            var matches = 0;
            foreach (var phrase in Phrases)
            {
                var query = QueryCompiler.Compile(phrase, smartCn).ValueOrThrow().Lucene;
                var bound = RankingWordsBound.For(query, searcher);
                if (bound is null)
                {
                    continue;
                }
                bounded++;
                var check = new CeilingCheck(bound);
                searcher.Search(query, check);
                matches += check.Matches;
                Assert.True(check.Below == 0, $"{phrase}: {check.Below} of {check.Matches} matches scored above their ceiling");
            }
            // A single character is a prefix query, without ranking words; most others have their bound.
            Assert.True(bounded >= 10, $"{bounded} phrases bounded");
            Assert.True(matches > 1000, $"{matches} matches");
        }
        finally
        {
            searcher.IndexReader.DecRef();
        }
    }

    [Fact]
    public void For_PhraseInFewerParagraphsThanAsked_IsNotBounded()
    {
        using var directory = FSDirectory.Open(_copies.Options.IndexDirectory);
        var searcher = CommitLoader.Open(directory);
        try
        {
            using var smartCn = new SmartCnAnalyzer(IndexAnalyzers.SmartCnOptions(_copies.Options));
            var query = QueryCompiler.Compile("天开西青园", smartCn).ValueOrThrow().Lucene;
            var paragraphs = _copies.Engine.Search(new SearchRequest { Query = "天开西青园" }).ValueOrThrow().TotalHits;

            Assert.NotNull(RankingWordsBound.For(query, searcher, fromMatches: paragraphs));
            Assert.Null(RankingWordsBound.For(query, searcher, fromMatches: paragraphs + 1));
        }
        finally
        {
            searcher.IndexReader.DecRef();
        }
    }

    [Fact]
    public void Collect_CommonPhraseOnCopies_ScoresFewerMatchesThanItCounts()
    {
        using var directory = FSDirectory.Open(_copies.Options.IndexDirectory);
        var searcher = CommitLoader.Open(directory);
        try
        {
            using var smartCn = new SmartCnAnalyzer(IndexAnalyzers.SmartCnOptions(_copies.Options));
            var compiled = QueryCompiler.Compile("发展", smartCn).ValueOrThrow();
            var request = new SearchRequest { Query = "发展" };
            var table = searcher.Table;
            var filter = new FacetFilter(request, table);
            using var facets = new FacetCounter(table, filter);
            var top = new TopHits(10, (a, b) => b.Score.CompareTo(a.Score), scoreFirst: true);
            var occurrences = new MatchOccurrences(table, MatchOccurrences.CounterFor(searcher, ["发展"]), ["发展"], null);
            var collector = new AllMatchesCollector(table, occurrences, filter, facets, top, RankingWordsBound.For(compiled.Lucene, searcher));
            searcher.Search(compiled.Lucene, collector);
            collector.Finish();

            Assert.True(collector.TotalHits > 4 * AllMatchesCollector.BatchSize, $"{collector.TotalHits} hits");
            Assert.True(collector.Scored < collector.TotalHits / 2, $"{collector.Scored} of {collector.TotalHits} scored");
        }
        finally
        {
            searcher.IndexReader.DecRef();
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Search_WithTheBound_AnswersAsScoringEveryMatch(string query)
    {
        foreach (var engine in new[] { _copies.Seeds, _copies.Engine })
        {
            foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Year, SearchSort.Oldest, SearchSort.Document })
            {
                foreach (var (offset, limit) in new[] { (0, 10), (0, 1), (3, 10), (25, 25) })
                {
                    AssertSameAnswer(engine, new SearchRequest { Query = query, Sort = sort, Offset = offset, Limit = limit });
                }
            }
            AssertSameAnswer(engine, new SearchRequest { Query = query, All = true });
            AssertSameAnswer(engine, new SearchRequest { Query = query, Years = [new YearRange(2024, 2025)] });
            AssertSameAnswer(engine, new SearchRequest { Query = query, Headings = ["发展"] });
        }
    }

    private static void AssertSameAnswer(SearchEngine engine, SearchRequest request)
    {
        string Answer(bool everyMatch)
        {
            engine.ScoreEveryMatch = everyMatch;
            try
            {
                var result = engine.Search(request);
                return result.IsSuccess
                    ? JsonSerializer.Serialize(result.Value with { TookMs = 0 }, XiqingJson.Options)
                    : string.Join("; ", result.Problems.Select(p => p.Code));
            }
            finally
            {
                engine.ScoreEveryMatch = false;
            }
        }
        var expected = Answer(everyMatch: true);
        Assert.Equal(expected, Answer(everyMatch: false));
    }

    /// <summary>Counts the matches whose Lucene score is above their ceiling.</summary>
    private sealed class CeilingCheck(RankingWordsBound bound) : ICollector
    {
        private Scorer? _scorer;
        private AtomicReaderContext? _context;
        private RankingWordsBound.Segment? _segment;

        public int Matches { get; private set; }

        public int Below { get; private set; }

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
            _scorer = scorer;
            _segment = bound.On(scorer, _context!);
            Assert.NotNull(_segment);
        }

        public void SetNextReader(AtomicReaderContext context) => _context = context;

        public void Collect(int doc)
        {
            Matches++;
            if (_segment!.Ceiling(doc) < _scorer!.GetScore())
            {
                Below++;
            }
        }
    }

    /// <summary>The seeds, each copied four times into one index with its copies kept apart, and the seeds' own index.</summary>
    public sealed class CopiesIndex : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-bound-tests-" + Guid.NewGuid().ToString("N"));

        public CopiesIndex()
        {
            var corpus = Path.Combine(_root, "corpus");
            System.IO.Directory.CreateDirectory(corpus);
            foreach (var file in System.IO.Directory.GetFiles(SeedsFolder.Path, "*.txt"))
            {
                for (var copy = 0; copy < 4; copy++)
                {
                    File.Copy(file, Path.Combine(corpus, $"{Path.GetFileNameWithoutExtension(file)}~{copy}.txt"));
                }
            }
            Options = new IndexOptions { IndexDirectory = Path.Combine(_root, "index"), SeedsDirectory = corpus, KeepCopiesApart = true };
            Assert.True(IndexBuilder.Build(Options).IsSuccess);
            // Every phrase bounded, however rare, so that every query below goes through the bound.
            Engine = SearchEngine.Open(Options).ValueOrThrow();
            Engine.BoundFromMatches = 0;
            var seedsOptions = new IndexOptions { IndexDirectory = Path.Combine(_root, "seeds-index"), SeedsDirectory = SeedsFolder.Path };
            Assert.True(IndexBuilder.Build(seedsOptions).IsSuccess);
            Seeds = SearchEngine.Open(seedsOptions).ValueOrThrow();
            Seeds.BoundFromMatches = 0;
        }

        public IndexOptions Options { get; }

        public SearchEngine Engine { get; }

        public SearchEngine Seeds { get; }

        public void Dispose()
        {
            Engine.Dispose();
            Seeds.Dispose();
            try
            {
                System.IO.Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}

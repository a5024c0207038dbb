using Lucene.Net.Index;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using Xunit.Abstractions;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace XiqingSearch.Core.Tests.Search.Analytics;

/// <summary>
/// <see cref="SearchEngine.NewTerms"/>: every term it reports is checked by a brute-force scan of the seeds'
/// paragraphs (present in the year with the reported count, absent before; or absent from the year on, with the
/// reported count in its last year), and the lists follow the stated rules (terms, maximal, ranked).
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class NewTermsTests(SeedIndexFixture index, ITestOutputHelper output)
{
    [Theory]
    [InlineData(2025, null)]
    [InlineData(2024, null)]
    [InlineData(2023, null)]
    [InlineData(2025, 2024)]
    public void NewTerms_EveryReportedTerm_IsConfirmedByBruteForce(int year, int? since)
    {
        var result = index.Engine.NewTerms(new NewTermsRequest { Year = year, Since = since, Limit = 60 }).ValueOrThrow();
        var years = index.Documents.Select(d => d.Year!.Value).Distinct().Order().ToList();
        var first = since ?? years[0];
        var earlier = years.Where(y => y >= first && y < year).ToList();
        Assert.Equal(earlier, result.EarlierYears);
        Assert.Equal(first, result.Since);
        Assert.NotEmpty(result.Appeared);
        Assert.True(result.Appeared.Count <= 60);
        output.WriteLine(string.Join(", ", result.Appeared.Take(20).Select(t => $"{t.Term} {t.Occurrences}")));

        foreach (var term in result.Appeared)
        {
            Assert.True(IsTerm(term.Term), $"{term.Term} is not a term");
            Assert.Equal((term.Occurrences, term.Paragraphs), Brute(term.Term, year));
            Assert.True(term.Occurrences > 0);
            Assert.All(earlier, y => Assert.Equal((0, 0), Brute(term.Term, y)));
        }
        foreach (var term in result.Disappeared)
        {
            Assert.True(IsTerm(term.Term), $"{term.Term} is not a term");
            Assert.Contains(term.LastYear, earlier);
            Assert.Equal((term.Occurrences, term.Paragraphs), Brute(term.Term, term.LastYear));
            Assert.True(term.Occurrences > 0);
            Assert.All(years.Where(y => y > term.LastYear), y => Assert.Equal((0, 0), Brute(term.Term, y)));
        }
        AssertMaximal(result.Appeared.Select(t => (t.Term, (long)t.Occurrences)).ToList());
        AssertMaximal(result.Disappeared.Select(t => (t.Term, ((long)t.LastYear << 32) | (uint)t.Occurrences)).ToList());
        Assert.Equal(result.Appeared.OrderByDescending(t => t.Occurrences).Select(t => t.Occurrences), result.Appeared.Select(t => t.Occurrences));
        Assert.Equal(result.Disappeared.OrderByDescending(t => t.LastYear).ThenByDescending(t => t.Occurrences).ThenByDescending(t => t.Paragraphs).ThenByDescending(t => t.Term.Length).ThenBy(t => t.Term, StringComparer.Ordinal), result.Disappeared);
    }

    [Fact]
    public void NewTerms_HeadingFilter_ReadsExactlyTheParagraphsSearchKeepsAndCountsAsSearch()
    {
        // Headings of every shape: a word, a character that ends a heading, and text across two levels of a path.
        var path = index.Paragraphs.Select(p => p.Paragraph.Chapter).First(c => c.Count >= 2 && c[0].Length >= 2 && c[1].Length >= 2);
        var headings = new[] { "京津冀", "发展", path[0][^1..], path[0][^1..] + path[1][..1], path[1] };
        using var directory = FSDirectory.Open(index.Directory);
        using var reader = DirectoryReader.Open(directory);
        var table = ParagraphTable.Load(reader);
        using var smartCn = new SmartCnAnalyzer(SmartCnDictionary.Shared(SmartCnOptions.For(null)));
        var finder = new NewTermsFinder(smartCn);
        foreach (var heading in headings)
        {
            var filters = Filters.None with { Headings = [heading] };
            var searched = ParagraphKindNames.All
                .SelectMany(kind => index.SearchAll($"kind:{kind}", r => r with { Filters = filters }).Hits)
                .Select(h => (h.Doc, h.Paragraph)).Order().ToList();
            var passes = finder.RowFilter(filters, table);
            var read = Enumerable.Range(0, reader.MaxDoc).Where(d => table[d] is not null && passes(d))
                .Select(d => (table[d]!.Document.Doc, table[d]!.Paragraph)).Order().ToList();
            Assert.Equal(searched, read);

            var result = index.Engine.NewTerms(new NewTermsRequest { Year = 2025, Limit = 10, Filters = filters }).ValueOrThrow();
            foreach (var term in result.Appeared)
            {
                var hits = index.SearchAll($"\"{term.Term}\"", r => r with { Filters = filters with { Years = [new YearRange(2025, 2025)] } });
                Assert.Equal((hits.TotalOccurrences, hits.TotalHits), (term.Occurrences, term.Paragraphs));
            }
        }
    }

    [Fact]
    public void NewTerms_LimitsAskedAfterOneAnswerWasKept_EqualEachAsAFreshEngineAnswersIt()
    {
        // The first request keeps the whole ranking and the confirmations with the commit; later limits take from them.
        using var kept = SearchEngine.Open(index.Options).ValueOrThrow();
        kept.NewTerms(new NewTermsRequest { Year = 2025, Limit = 20 }).ValueOrThrow();
        foreach (var limit in new[] { 5, 60, 20 })
        {
            using var fresh = SearchEngine.Open(index.Options).ValueOrThrow();
            var want = fresh.NewTerms(new NewTermsRequest { Year = 2025, Limit = limit }).ValueOrThrow();
            var got = kept.NewTerms(new NewTermsRequest { Year = 2025, Limit = limit }).ValueOrThrow();
            Assert.NotEmpty(got.Appeared);
            Assert.Equal(want.Appeared, got.Appeared);
            Assert.Equal(want.Disappeared, got.Disappeared);
        }
    }

    [Fact]
    public void NewTerms_2025_FindsItsNewInitiativesAndNoNumbers()
    {
        var result = index.Engine.NewTerms(new NewTermsRequest { Year = 2025, Limit = 100 }).ValueOrThrow();
        var terms = result.Appeared.Select(t => t.Term).ToList();
        // 加力提效 is the 2025 report's own slogan: nine times in 2025, never before.
        Assert.Contains("加力提效", terms);
        Assert.DoesNotContain(terms, t => t.Any(char.IsDigit) || t.EndsWith('年') && t.Length <= 3);
        Assert.DoesNotContain(result.Disappeared, t => t.LastYear >= 2025);
    }

    [Fact]
    public void NewTerms_2025Top30_AtLeastNinetyPercentAcceptedByTheJudgedList()
    {
        var judged = File.ReadAllLines(Path.Combine(Testing.RepositoryRoot.Path, "tests", "Fixtures", "NewTerms", "judged-2025.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => f[1] == "accept", StringComparer.Ordinal);
        var top = index.Engine.NewTerms(new NewTermsRequest { Year = 2025, Limit = 30 }).ValueOrThrow().Appeared.Select(t => t.Term).ToList();
        Assert.Equal(30, top.Count);
        // An unjudged term counts against the list: the judgement is made before the ranking is seen.
        var accepted = top.Count(t => judged.GetValueOrDefault(t));
        output.WriteLine($"{accepted}/30 accepted; rejected or unjudged: {string.Join(", ", top.Where(t => !judged.GetValueOrDefault(t)))}");
        Assert.True(accepted >= 27, $"{accepted}/30 accepted");
    }

    [Theory]
    [InlineData("坚持以文")]
    [InlineData("提升群众")]
    [InlineData("吸引更多")]
    [InlineData("谱写中国式现代化西青实践新篇章")]
    [InlineData("提效")]
    public void NewTerms_2025_NoFragmentsAndNoShorterNearDuplicates(string fragment)
    {
        var terms = index.Engine.NewTerms(new NewTermsRequest { Year = 2025, Limit = 500 }).ValueOrThrow().Appeared.Select(t => t.Term).ToList();
        Assert.DoesNotContain(fragment, terms);
    }

    [Fact]
    public void NewTerms_2025Gone_JudgedAgainstDocumentsOfTheSameType()
    {
        var result = index.Engine.NewTerms(new NewTermsRequest { Year = 2025, Limit = 500 }).ValueOrThrow();
        var gone = result.Disappeared.Select(t => t.Term).ToList();
        // No annual plan exists for 2025: the plans' own title words are not gone, nor their fragments.
        Assert.DoesNotContain("国民经济和社会发展", gone);
        Assert.DoesNotContain("以上工业", gone);
        Assert.DoesNotContain("区地块", gone);
        // Every gone term occurred in an earlier work report, the one type 2025 has.
        var reports = index.Documents.Where(d => d.Type == "work-report" && d.Year < 2025).SelectMany(d => d.Paragraphs)
            .Select(p => XiqingSearch.Core.Analysis.Bigrams.MatchFolding.Normalize(p.Text)).ToList();
        Assert.NotEmpty(gone);
        Assert.All(gone, t => Assert.Contains(reports, p => p.Contains(t, StringComparison.Ordinal)));
    }

    [Fact]
    public void NewTerms_PlanLeftOut_ComparesWithTheAnnualDocumentsOnly()
    {
        var withPlan = index.Engine.NewTerms(new NewTermsRequest { Year = 2023, Limit = 200 }).ValueOrThrow();
        var without = index.Engine.NewTerms(new NewTermsRequest { Year = 2023, Limit = 200, MultiYear = MultiYearMode.Exclude }).ValueOrThrow();
        Assert.Equal(MultiYearMode.Exclude, without.MultiYear);
        Assert.Contains("left out", without.MultiYearNote, StringComparison.Ordinal);
        foreach (var term in without.Appeared)
        {
            Assert.Equal((0, 0), Brute(term.Term, 2021, planToo: false));
        }
        // Terms the plan has but the 2021 annual plan has not are new in 2023 only when the plan is left out.
        Assert.Contains(without.Appeared, t => Brute(t.Term, 2021, planToo: true).Occurrences > 0);
        Assert.DoesNotContain(withPlan.Appeared, t => Brute(t.Term, 2021, planToo: true).Occurrences > 0);
    }

    [Fact]
    public void NewTerms_BadRequests_AreProblems()
    {
        Assert.Equal(ProblemCodes.NotFound, index.Engine.NewTerms(new NewTermsRequest { Year = 2019 }).Problems.Single().Code);
        Assert.Equal(ProblemCodes.BadParameter, index.Engine.NewTerms(new NewTermsRequest { Year = 2023, Since = 2024 }).Problems.Single().Code);
        Assert.Equal(ProblemCodes.BadParameter, index.Engine.NewTerms(new NewTermsRequest { Year = 2025, Limit = 0 }).Problems.Single().Code);
        Assert.Equal(ProblemCodes.BadParameter, index.Engine.NewTerms(new NewTermsRequest { Year = 2025, MultiYear = MultiYearMode.Own }).Problems.Single().Code);
    }

    [Fact]
    public void NewTerms_FirstYear_HasNothingEarlierAndNothingGone()
    {
        var result = index.Engine.NewTerms(new NewTermsRequest { Year = 2021, Limit = 5 }).ValueOrThrow();
        Assert.Empty(result.EarlierYears);
        Assert.Empty(result.Disappeared);
        Assert.Equal(5, result.Appeared.Count);
    }

    [Fact]
    public void TermCandidates_NumbersDatesAndAmounts_AreNotTerms()
    {
        Assert.False(TermCandidates.IsTermLike("2024年"));
        Assert.False(TermCandidates.IsTermLike("350亿元"));
        Assert.False(TermCandidates.IsTermLike("三年"));
        Assert.False(TermCandidates.IsTermLike("第一节"));
        Assert.False(TermCandidates.IsTermLike("二〇三五年"));
        Assert.True(TermCandidates.IsTermLike("天开西青园"));
        Assert.True(TermCandidates.IsTermLike("加力提效"));
    }

    private static bool IsTerm(string term) => term.Length >= 2 && TermCandidates.IsTermLike(term);

    /// <summary>No reported term lies inside a longer reported term with the same key.</summary>
    private static void AssertMaximal(List<(string Term, long Key)> terms)
    {
        foreach (var (inner, key) in terms)
        {
            Assert.DoesNotContain(terms, t => t.Term.Length > inner.Length && t.Key == key && t.Term.Contains(inner, StringComparison.Ordinal));
        }
    }

    /// <summary>Occurrences and paragraphs of <paramref name="term"/> in <paramref name="year"/>'s documents (the plan under its first year).</summary>
    private (int Occurrences, int Paragraphs) Brute(string term, int year, bool planToo = true)
    {
        int occurrences = 0, paragraphs = 0;
        foreach (var (document, paragraph) in index.Paragraphs)
        {
            if (document.Year != year || (!planToo && document.Period is not null))
            {
                continue;
            }
            var found = BruteForce.Occurrences(paragraph.Text, term).Count;
            if (found > 0)
            {
                occurrences += found;
                paragraphs++;
            }
        }
        return (occurrences, paragraphs);
    }
}

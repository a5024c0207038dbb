using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Analytics;

/// <summary>
/// <see cref="SearchEngine.Compare"/> against a brute-force count per year over the seeds' paragraphs as ingestion
/// produced them, and against the search it must agree with.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class CompareTests(SeedIndexFixture index)
{
    private static readonly string[] Known = ["天开西青园", "京津冀协同发展", "高质量发展", "乡村振兴", "碳达峰", "营商环境", "5G", "350亿元", "2023年", "西青"];

    [Fact]
    public void Compare_ManyPhrases_EveryCellEqualsBruteForceCountOfItsYear()
    {
        var phrases = Known.Concat(SampledPhrases(seed: 17, count: 150)).Distinct().ToList();
        Assert.True(phrases.Count >= 150);
        foreach (var batch in phrases.Chunk(CompareRequest.MaxPhrases))
        {
            var result = index.Engine.Compare(new CompareRequest { Phrases = batch }).ValueOrThrow();
            Assert.Equal(YearsOf(p => true), result.Years);
            Assert.Empty(result.Periods);
            Assert.Equal(batch, result.Phrases);
            foreach (var row in result.Rows)
            {
                Assert.Equal(result.Years, row.Cells.Select(c => c.Year));
                foreach (var cell in row.Cells)
                {
                    var expected = Brute(row.Phrase, d => d.Year == cell.Year);
                    Assert.True(expected == (cell.Occurrences, cell.Paragraphs, cell.Documents),
                        $"{row.Phrase} in {cell.Year}: engine {(cell.Occurrences, cell.Paragraphs, cell.Documents)}, brute force {expected}");
                    Assert.Equal(Math.Round(cell.Occurrences * 10_000.0 / Characters(d => d.Year == cell.Year), 2), cell.Per10k);
                }
                var years = row.Cells.Where(c => c.Occurrences > 0).Select(c => c.Year).ToList();
                Assert.Equal(row.Cells.Sum(c => c.Occurrences), row.Total);
                Assert.Equal(years.Count == 0 ? null : years.Min(), row.FirstYear);
                Assert.Equal(years.Count == 0 ? null : years.Max(), row.LastYear);
            }
        }
    }

    [Fact]
    public void Compare_Cells_EqualWhatSearchCountsForThePhraseAndYear()
    {
        var result = index.Engine.Compare(new CompareRequest { Phrases = [.. Known, "西青 天开", "天开 OR 中芯国际"] }).ValueOrThrow();
        foreach (var row in result.Rows)
        {
            foreach (var cell in row.Cells)
            {
                var search = index.SearchAll(row.Phrase, r => r with { Years = [new YearRange(cell.Year, cell.Year)] });
                Assert.Equal(search.TotalOccurrences, cell.Occurrences);
                Assert.Equal(search.TotalHits, cell.Paragraphs);
            }
        }
        Assert.Equal(new[] { 2024, 2025 }, result.Rows[0].Cells.Where(c => c.Occurrences > 0).Select(c => c.Year));
    }

    [Fact]
    public void Compare_FiveYearPlan_FirstYearOwnSeriesOrLeftOut()
    {
        var phrases = new[] { "京津冀协同发展", "高质量发展", "乡村振兴", "十四五" };
        var first = index.Engine.Compare(new CompareRequest { Phrases = phrases }).ValueOrThrow();
        var own = index.Engine.Compare(new CompareRequest { Phrases = phrases, MultiYear = MultiYearMode.Own }).ValueOrThrow();
        var left = index.Engine.Compare(new CompareRequest { Phrases = phrases, MultiYear = MultiYearMode.Exclude }).ValueOrThrow();
        var plan = index.Documents.Single(d => d.Period is not null);

        Assert.Equal(MultiYearMode.FirstYear, first.MultiYear);
        Assert.Contains("first year", first.MultiYearNote, StringComparison.Ordinal);
        Assert.Equal([plan.Period!], own.Periods);
        Assert.Empty(left.Periods);
        for (var r = 0; r < phrases.Length; r++)
        {
            var planCell = own.Rows[r].Cells.Single(c => c.Period is not null);
            Assert.Equal(plan.Year, planCell.Year);
            Assert.Equal(Brute(phrases[r], d => d.Period is not null), (planCell.Occurrences, planCell.Paragraphs, planCell.Documents));
            Assert.Equal(Math.Round(planCell.Occurrences * 10_000.0 / Characters(d => d.Period is not null), 2), planCell.Per10k);
            foreach (var cell in left.Rows[r].Cells)
            {
                Assert.Equal(Brute(phrases[r], d => d.Period is null && d.Year == cell.Year), (cell.Occurrences, cell.Paragraphs, cell.Documents));
                Assert.Equal(cell, own.Rows[r].Cells.Single(c => c.Period is null && c.Year == cell.Year));
            }
            var firstYear = first.Rows[r].Cells.Single(c => c.Year == plan.Year);
            var ownYear = own.Rows[r].Cells.Single(c => c.Period is null && c.Year == plan.Year);
            Assert.Equal(firstYear.Occurrences, ownYear.Occurrences + planCell.Occurrences);
        }
        Assert.True(own.Rows[0].Cells.Single(c => c.Period is not null).Occurrences > 0, "the plan mentions 京津冀协同发展");
    }

    [Fact]
    public void Compare_Filters_ApplyAsInSearch()
    {
        var request = new CompareRequest
        {
            Phrases = ["高质量发展", "京津冀"],
            Years = [new YearRange(2023, 2025)],
            Topics = ["京津冀协同", "产业发展"],
        };
        var result = index.Engine.Compare(request).ValueOrThrow();
        Assert.Equal(new[] { 2023, 2024, 2025 }, result.Years);
        foreach (var row in result.Rows)
        {
            foreach (var cell in row.Cells)
            {
                var search = index.SearchAll(row.Phrase, r => r with { Years = [new YearRange(cell.Year, cell.Year)], Topics = request.Topics });
                Assert.Equal(search.TotalOccurrences, cell.Occurrences);
                Assert.Equal(search.TotalHits, cell.Paragraphs);
            }
        }
    }

    [Fact]
    public void Compare_BadInput_IsAProblemNamingThePhrase()
    {
        var none = index.Engine.Compare(new CompareRequest { Phrases = [" ", ""] });
        Assert.Equal(ProblemCodes.BadParameter, none.Problems.Single().Code);

        var tooMany = index.Engine.Compare(new CompareRequest { Phrases = [.. Enumerable.Range(0, CompareRequest.MaxPhrases + 1).Select(i => "西青" + i)] });
        Assert.Equal(ProblemCodes.BadParameter, tooMany.Problems.Single().Code);

        var malformed = index.Engine.Compare(new CompareRequest { Phrases = ["西青", "\"天开"] });
        var problem = malformed.Problems.Single();
        Assert.Equal(ProblemCodes.QueryUnclosedQuote, problem.Code);
        Assert.Contains("Phrase 2 (\"天开)", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, problem.Span!.Value.Start);
    }

    /// <summary>Occurrences, paragraphs and documents of <paramref name="phrase"/> in the documents <paramref name="keep"/> selects.</summary>
    private (int, int, int) Brute(string phrase, Func<XiqingSearch.Core.Ingestion.SourceDocument, bool> keep)
    {
        int occurrences = 0, paragraphs = 0;
        var documents = new HashSet<string>();
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (document, paragraph) in index.Paragraphs.Where(p => keep(p.Document)))
        {
            var found = BruteForce.Occurrences(paragraph.Text, words).Count;
            if (found > 0)
            {
                occurrences += found;
                paragraphs++;
                documents.Add(document.File.Path);
            }
        }
        return (occurrences, paragraphs, documents.Count);
    }

    private long Characters(Func<XiqingSearch.Core.Ingestion.SourceDocument, bool> keep) =>
        index.Paragraphs.Where(p => keep(p.Document)).Sum(p => (long)BruteForce.NormalizeQuery(p.Paragraph.Text).Length);

    private List<int> YearsOf(Func<XiqingSearch.Core.Ingestion.SourceDocument, bool> keep) =>
        [.. index.Documents.Where(keep).Select(d => d.Year!.Value).Distinct().Order()];

    private List<string> SampledPhrases(int seed, int count)
    {
        var random = new Random(seed);
        var phrases = new List<string>();
        while (phrases.Count < count)
        {
            var (_, paragraph) = index.Paragraphs[random.Next(index.Paragraphs.Count)];
            var text = BruteForce.NormalizeQuery(paragraph.Text);
            if (text.Length < 6)
            {
                continue;
            }
            var length = random.Next(2, 7);
            var start = random.Next(0, text.Length - length + 1);
            var phrase = text.Substring(start, length);
            // Only text the query language reads as one exact phrase.
            if (phrase.All(c => char.IsAsciiLetterOrDigit(c) || c is >= (char)0x4E00 and <= (char)0x9FFF))
            {
                phrases.Add(phrase);
            }
        }
        return phrases;
    }
}

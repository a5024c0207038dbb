using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Query;

/// <summary>Valid-looking queries that used to be internal errors: open ranges, empty chapter phrases, '>' in headings.</summary>
public sealed class RobustQueryTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Theory]
    [InlineData("year:[2021 TO *]", 2021, 9999)]
    [InlineData("year:{* TO 2024}", 0, 2023)]
    [InlineData("year:[* TO *]", 0, 9999)]
    [InlineData("year:{2021 TO *]", 2022, 9999)]
    public void OpenRanges_FilterByYear(string range, int from, int to)
    {
        var all = index.SearchAll("发展");
        var filtered = index.SearchAll("发展 " + range);

        var expected = all.Hits.Count(h => h.Year >= from && h.Year <= to);
        Assert.True(expected > 0);
        Assert.Equal(expected, filtered.TotalHits);
        Assert.All(filtered.Hits, h => Assert.InRange(h.Year!.Value, from, to));
    }

    [Theory]
    [InlineData("chapter:*")]
    [InlineData("chapter:**")]
    [InlineData("chapter:\"\"")]
    [InlineData("发展 chapter:\"\"")]
    public void EmptyChapterPhrase_IsAQueryErrorWithItsPosition(string query)
    {
        var result = index.Engine.Search(new SearchRequest { Query = query });

        Assert.False(result.IsSuccess);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.QueryEmptyPhrase, problem.Code);
        // The caret is under the empty value, not the field name.
        Assert.Equal(query.IndexOf("chapter:", StringComparison.Ordinal) + "chapter:".Length, problem.Span!.Value.Start);
    }

    [Fact]
    public void TooManyClauses_IsRefusedBeforeRunning()
    {
        var query = string.Join(" OR ", Enumerable.Range(0, 10).Select(i => ((char)(0x4E00 + i)).ToString()));
        var result = index.Engine.Search(new SearchRequest { Query = query }, new QueryLimits { MaxClauses = 5 });

        Assert.Equal(ProblemCodes.QueryTooManyClauses, Assert.Single(result.Problems).Code);
        Assert.True(index.Engine.Search(new SearchRequest { Query = query }, new QueryLimits { MaxClauses = 10 }).IsSuccess);
    }

    [Fact]
    public void HeadingWithAGreaterThanSign_StaysOneHeading()
    {
        Assert.Equal(["增速>5%", "（一）目标"], ChapterPath.Split("增速>5% > （一）目标"));
        Assert.Equal(["a>b"], ChapterPath.Split("a>b"));
    }
}

using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Model;

/// <summary>The one table of request bounds, and the one check both front ends rely on.</summary>
public sealed class SearchLimitsTests
{
    [Theory]
    [InlineData("2024", 2024, 2024)]
    [InlineData("1000", 1000, 1000)]
    [InlineData("9999", 9999, 9999)]
    [InlineData("2021..2023", 2021, 2023)]
    [InlineData("2021-2023", 2021, 2023)]
    public void YearRange_YearsThatYearClauseAccepts_Parse(string text, int from, int to)
    {
        Assert.True(YearRange.TryParse(text, out var range));
        Assert.Equal(new YearRange(from, to), range);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("10000")]
    [InlineData("0")]
    [InlineData("99..2024")]
    [InlineData("2024..12345")]
    [InlineData("2024..2021")]
    public void YearRange_YearsThatYearClauseRefuses_DoNotParse(string text)
    {
        // year: in a query takes 1000..9999; a filter takes the same years.
        Assert.False(YearRange.TryParse(text, out _));
        var problem = Assert.Single(SearchLimits.ParseYears([text]).Problems);
        Assert.Equal(ProblemCodes.BadParameter, problem.Code);
        Assert.Equal(RequestParameter.Year, problem.Parameter);
    }

    public static TheoryData<SearchRequest, RequestParameter> OutOfBounds => new()
    {
        { new SearchRequest { Query = "西青", Limit = 0 }, RequestParameter.Limit },
        { new SearchRequest { Query = "西青", Limit = SearchLimits.MaxLimit + 1 }, RequestParameter.Limit },
        { new SearchRequest { Query = "西青", Offset = -1 }, RequestParameter.Offset },
        { new SearchRequest { Query = "西青", Offset = SearchLimits.MaxOffset + 1 }, RequestParameter.Offset },
        { new SearchRequest { Query = "西青", Years = [new YearRange(99, 99)] }, RequestParameter.Year },
        { new SearchRequest { Query = "西青", Topics = [.. Enumerable.Repeat("科技创新", SearchLimits.MaxValues + 1)] }, RequestParameter.Topic },
        { new SearchRequest { Query = "西青", Headings = [new string('京', SearchLimits.MaxValueLength + 1)] }, RequestParameter.Heading },
        { new SearchRequest { Query = "西青", Kinds = ["row"] }, RequestParameter.Kind },
    };

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public void Check_ValueOutOfBounds_IsABadParameterNamingIt(SearchRequest request, RequestParameter parameter)
    {
        var problem = SearchLimits.Check(request);

        Assert.NotNull(problem);
        Assert.Equal(ProblemCodes.BadParameter, problem.Code);
        Assert.Equal(parameter, problem.Parameter);
        Assert.NotNull(problem.Arguments);
        Assert.Contains("reason", problem.Arguments.Keys);
    }

    [Fact]
    public void Check_ValuesAtTheBounds_AreAccepted()
    {
        Assert.Null(SearchLimits.Check(new SearchRequest
        {
            Query = new string('西', SearchLimits.MaxQueryLength),
            Limit = SearchLimits.MaxLimit,
            Offset = SearchLimits.MaxOffset,
            Years = [new YearRange(SearchLimits.MinYear, SearchLimits.MaxYear)],
            Kinds = ["paragraph", "heading", "table-row"],
        }));
        Assert.Null(SearchLimits.CheckContext(0));
        Assert.Null(SearchLimits.CheckContext(SearchLimits.MaxContext));
        Assert.Equal(RequestParameter.Context, SearchLimits.CheckContext(SearchLimits.MaxContext + 1)?.Parameter);
        Assert.Equal(RequestParameter.Context, SearchLimits.CheckContext(-1)?.Parameter);
    }

    [Fact]
    public void Check_QueryTooLong_IsAQueryProblemAtTheFirstCharacterPastTheLimit()
    {
        var query = new string('西', SearchLimits.MaxQueryLength + 3);
        var problem = SearchLimits.Check(new SearchRequest { Query = query });

        Assert.Equal(ProblemCodes.QueryTooLong, problem?.Code);
        Assert.Equal(new TextSpan(SearchLimits.MaxQueryLength, query.Length), problem?.Span);
        Assert.Equal(RequestParameter.Query, problem?.Parameter);
    }

    [Fact]
    public void Messages_NameNoFrontEndSpelling()
    {
        // Core words problems; the front ends name the parameter (--limit, limit=).
        var problems = new[]
        {
            SearchLimits.Check(new SearchRequest { Query = "西青", Limit = 0 }),
            SearchLimits.Check(new SearchRequest { Query = "西青", Offset = -1 }),
            SearchLimits.Check(new SearchRequest { Query = null! }),
            SearchLimits.CheckContext(99),
        };
        foreach (var problem in problems)
        {
            Assert.NotNull(problem);
            Assert.DoesNotMatch(@"--\w|\b(q|limit|offset|context)\b", problem.Message);
        }
    }

    [Fact]
    public void SortAndKindNames_RoundTrip()
    {
        foreach (var sort in Enum.GetValues<SearchSort>())
        {
            Assert.True(SearchSortNames.TryParse(SearchSortNames.Of(sort), out var back));
            Assert.Equal(sort, back);
        }
        Assert.Equal(Enum.GetValues<SearchSort>().Length, SearchSortNames.All.Count);
        foreach (var kind in Enum.GetValues<ParagraphKind>())
        {
            Assert.True(ParagraphKindNames.TryParse(ParagraphKindNames.Of(kind), out var back));
            Assert.Equal(kind, back);
        }
    }
}

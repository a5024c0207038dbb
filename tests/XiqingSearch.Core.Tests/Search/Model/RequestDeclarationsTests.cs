using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Model;

/// <summary>
/// Each request's parameters declared once as data: every filter of <see cref="Filters"/> has one declaration, and
/// a value that cannot be read is worded once, in Core, with the parameter it is about.
/// </summary>
public sealed class RequestDeclarationsTests
{
    [Fact]
    public void Filters_EveryPropertyOfTheRecord_HasOneDeclaration()
    {
        // A filter added to the record without a declaration would be missed by both front ends and the cache key.
        var properties = typeof(Filters).GetProperties().Where(p => p.PropertyType.IsGenericType).Select(p => p.Name).Order().ToList();
        var declared = RequestDeclarations.Filters.Select(f => f.Values(Sample(f.Parameter)).Any() ? f.Parameter.Name : null).ToList();

        Assert.Equal(properties.Count, RequestDeclarations.Filters.Count);
        Assert.DoesNotContain(null, declared);
        Assert.Equal(declared.Count, declared.Distinct().Count());
    }

    [Fact]
    public void CommandLineOnly_RenderingChoices_AreOutOfWhatHttpReads()
    {
        // HTTP binds, and the OpenAPI document lists, Search and Filters: a command-line choice there would be a
        // parameter HTTP pretends to have.
        Assert.DoesNotContain(RequestDeclarations.Search, d => d.CommandLineOnly);
        Assert.DoesNotContain(RequestDeclarations.Filters, f => f.Parameter.CommandLineOnly);
        Assert.All([RequestDeclarations.All, RequestDeclarations.Format, RequestDeclarations.CsvHeader], d => Assert.True(d.CommandLineOnly, d.Name));
        Assert.Equal(["text", "json", "csv", "kwic", "docx"], RequestDeclarations.Format.Allowed);
        Assert.Contains(RequestDeclarations.Format.Default, RequestDeclarations.Format.Allowed);
        Assert.Contains(RequestDeclarations.CsvHeader.Default, RequestDeclarations.CsvHeader.Allowed);
    }

    [Fact]
    public void FilterDeclaration_Read_EachValueLandsInItsOwnFilterOnly()
    {
        foreach (var filter in RequestDeclarations.Filters)
        {
            var value = Value(filter.Parameter);
            var read = FilterDeclaration.Read(d => d == filter.Parameter ? ["  " + value + " ", "", " "] : []);

            Assert.True(read.IsSuccess, filter.Parameter.Name);
            // Trimmed, blanks skipped, as HTTP always read them and now the CLI too.
            Assert.Equal([value], filter.Values(read.Value));
            Assert.All(RequestDeclarations.Filters.Where(f => f != filter), other => Assert.Empty(other.Values(read.Value)));
        }
    }

    [Fact]
    public void FilterDeclaration_Read_BadYear_IsTheYearProblem()
    {
        var read = FilterDeclaration.Read(d => d == RequestDeclarations.Year ? ["20x4"] : []);

        var problem = Assert.Single(read.Problems);
        Assert.Equal(ProblemCodes.BadParameter, problem.Code);
        Assert.Equal(RequestParameter.Year, problem.Parameter);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("1.5")]
    public void ParseInteger_NotAWholeNumber_IsBadParameterNamingIt(string text)
    {
        var problem = Assert.Single(RequestDeclarations.Limit.ParseInteger(text).Problems);

        Assert.Equal(ProblemCodes.BadParameter, problem.Code);
        Assert.Equal(RequestParameter.Limit, problem.Parameter);
        Assert.Equal(text, problem.Arguments!["value"]);
    }

    [Fact]
    public void ParseInteger_Empty_IsTheDeclaredDefault()
    {
        Assert.Equal(SearchLimits.DefaultLimit, RequestDeclarations.Limit.ParseInteger("").Value);
        Assert.Equal(NewTermsRequest.DefaultLimit, AnalyticsDeclarations.NewTermsLimit.ParseInteger(null).Value);
        Assert.Equal(NewTermsRequest.DefaultLimit, new NewTermsRequest { Year = 2025 }.Limit);
    }

    [Fact]
    public void ParseSort_UnknownOrder_ListsTheOrders()
    {
        var problem = Assert.Single(RequestDeclarations.ParseSort("sideways").Problems);

        Assert.Equal(RequestParameter.Sort, problem.Parameter);
        Assert.Equal(string.Join(", ", SearchSortNames.All), problem.Arguments!["allowed"]);
        Assert.Equal(SearchSort.Year, RequestDeclarations.ParseSort("Newest").Value);
    }

    [Fact]
    public void ParseMultiYear_OwnForNewTerms_IsRefusedWithWhy_ButNotForCompare()
    {
        var refused = Assert.Single(AnalyticsDeclarations.ParseMultiYear(AnalyticsDeclarations.NewTermsMultiYear, "own").Problems);
        var unknown = Assert.Single(AnalyticsDeclarations.ParseMultiYear(AnalyticsDeclarations.CompareMultiYear, "sometimes").Problems);

        Assert.Equal(RequestParameter.MultiYear, refused.Parameter);
        Assert.Equal("first-year, exclude", refused.Arguments!["allowed"]);
        Assert.Equal("first-year, own, exclude", unknown.Arguments!["allowed"]);
        Assert.Equal(MultiYearMode.Own, AnalyticsDeclarations.ParseMultiYear(AnalyticsDeclarations.CompareMultiYear, "own").Value);
        Assert.Equal(MultiYearMode.FirstYear, AnalyticsDeclarations.ParseMultiYear(AnalyticsDeclarations.NewTermsMultiYear, "").Value);
    }

    [Fact]
    public void CheckFilters_ValueAChoiceDoesNotAllow_IsUnknownValueListingTheChoices()
    {
        var problem = SearchLimits.CheckFilters(new Filters { Types = ["plan"] });

        Assert.NotNull(problem);
        Assert.Equal(RequestParameter.Type, problem.Parameter);
        Assert.Equal("unknown-value", problem.Arguments!["reason"]);
        Assert.Contains("five-year-plan", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_BlankQuery_IsQueryEmpty(string query)
    {
        var problem = SearchLimits.Check(new SearchRequest { Query = query });

        Assert.NotNull(problem);
        Assert.Equal(ProblemCodes.QueryEmpty, problem.Code);
        Assert.Equal(RequestParameter.Query, problem.Parameter);
    }

    [Fact]
    public void SearchRequest_FilterProperties_AreTheSharedRecord()
    {
        var request = new SearchRequest { Query = "西青", Topics = ["科技创新"], Issuers = ["国务院"] };

        Assert.Equal(new Filters { Topics = ["科技创新"], Issuers = ["国务院"] }.Topics, request.Filters.Topics);
        Assert.Equal(["国务院"], request.Filters.Issuers);
        Assert.Same(request.Filters.Topics, new CompareRequest { Phrases = ["西青"], Filters = request.Filters }.Topics);
    }

    private static string Value(ParameterDeclaration parameter) => parameter.Type switch
    {
        ParameterValueType.Year => "2024",
        _ when parameter.Allowed.Count > 0 => parameter.Allowed[0],
        _ => "值",
    };

    private static Filters Sample(ParameterDeclaration parameter) =>
        FilterDeclaration.Read(d => d == parameter ? [Value(parameter)] : []).Value;
}

using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;

namespace XiqingSearch.Core.Tests.Search.Query;

/// <summary>Chinese quotes and full-width syntax, as a Chinese keyboard types them.</summary>
public sealed class TypedSyntaxTests
{
    [Theory]
    [InlineData("“天开西青园”", "\"天开西青园\"")]
    [InlineData("‘天开西青园’", "\"天开西青园\"")]
    [InlineData("「天开西青园」", "\"天开西青园\"")]
    [InlineData("『天开西青园』", "\"天开西青园\"")]
    [InlineData("＂天开西青园＂", "\"天开西青园\"")]
    [InlineData("“京津冀” “协同发展”", "\"京津冀\" \"协同发展\"")]
    [InlineData("“他说\"好\"”", "\"他说＂好＂\"")]                        // an ASCII quote inside stays text
    [InlineData("year：2024", "year:2024")]
    [InlineData("发展 topic：科技创新", "发展 topic:科技创新")]
    [InlineData("（天开西青园 OR 赛达新城）", "(天开西青园 OR 赛达新城)")]
    [InlineData("－海河", "-海河")]
    [InlineData("西青 －天开 ＋科技", "西青 -天开 +科技")]
    [InlineData("（西青 OR 天开）（科技）", "(西青 OR 天开)(科技)")]
    // Full-width punctuation that is text in the documents stays text.
    [InlineData("十四五（2021－2025）", "十四五（2021－2025）")]
    [InlineData("中芯国际“大二期”项目", "中芯国际“大二期”项目")]
    [InlineData("“双碳”目标", "“双碳”目标")]
    [InlineData("“十四五”规划 “双碳”", "“十四五”规划 \"双碳\"")]
    [InlineData("（三）", "(三)")]
    [InlineData("比例：50%", "比例：50%")]
    [InlineData("西青 － 天开", "西青 － 天开")]
    [InlineData("\"“天开”\"", "\"“天开”\"")]                            // inside ASCII quotes nothing changes
    [InlineData("\\“天开”", "\\“天开”")]                                  // an escaped quote is text
    [InlineData("", "")]
    public void Rewrite_TypedSyntaxBecomesAscii_UnitForUnit(string typed, string expected)
    {
        var rewritten = TypedSyntax.Rewrite(typed);
        Assert.Equal(expected, rewritten);
        Assert.Equal(typed.Length, rewritten.Length);
    }

    [Fact]
    public void Rewrite_NothingToChange_ReturnsTheSameString()
    {
        const string Query = "天开西青园 year:2024";
        Assert.Same(Query, TypedSyntax.Rewrite(Query));
    }
}

/// <summary>Typed quotes and full-width syntax on the seeds: the same hits as the ASCII forms, errors on the typed text.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class TypedSyntaxSearchTests(SeedIndexFixture index)
{
    [Theory]
    [InlineData("“天开西青园”", "天开西青园")]
    [InlineData("「天开西青园」", "天开西青园")]
    [InlineData("『天开西青园』", "天开西青园")]
    [InlineData("‘天开西青园’", "天开西青园")]
    [InlineData("＂天开西青园＂", "天开西青园")]
    [InlineData("“京津冀协同发展”", "京津冀协同发展")]
    [InlineData("“京津冀 协同发展”", "京津冀协同发展")]
    [InlineData("发展 year：2024", "发展 year:2024")]
    [InlineData("（天开西青园 OR 赛达新城）", "(天开西青园 OR 赛达新城)")]
    [InlineData("西青 －天开", "西青 -天开")]
    [InlineData("＋西青 －天开", "+西青 -天开")]
    [InlineData("中芯国际“大二期”项目", "\"中芯国际“大二期”项目\"")]
    [InlineData("高质量发展 topic：科技创新", "高质量发展 topic:科技创新")]
    public void Search_TypedForm_SameHitsAndSpansAsAscii(string typed, string ascii)
    {
        var expected = index.SearchAll(ascii);
        var actual = index.SearchAll(typed);
        Assert.NotEmpty(expected.Hits);
        Assert.Equal(expected.Hits.Select(h => (h.Id, string.Join(",", h.Highlights))), actual.Hits.Select(h => (h.Id, string.Join(",", h.Highlights))));
        Assert.Equal(expected.TotalOccurrences, actual.TotalOccurrences);
        Assert.Equal(typed, actual.Query);
    }

    [Fact]
    public void Search_ChineseQuotedPhrase_FindsEveryOccurrence()
    {
        var response = index.SearchAll("“天开西青园”");
        Assert.Equal(5, response.TotalHits);
        Assert.Equal(8, response.TotalOccurrences);
    }

    [Theory]
    [InlineData("“天开", ProblemCodes.QueryUnclosedQuote, 0, "”")]
    [InlineData("西青 「天开", ProblemCodes.QueryUnclosedQuote, 3, "」")]
    [InlineData("（西青 OR 天开", ProblemCodes.QueryUnbalancedParenthesis, 0, null)]
    [InlineData("西青 AND （天开 OR", ProblemCodes.QueryUnbalancedParenthesis, 7, null)]
    [InlineData("“西青” AND", ProblemCodes.QuerySyntax, 8, null)]
    [InlineData("“天开” year：20x4", ProblemCodes.QueryBadRange, 5, null)]
    [InlineData("“2023 年” AND OR", ProblemCodes.QuerySyntax, 13, null)]
    [InlineData("2023 年 year：20x4", ProblemCodes.QueryBadRange, 7, null)]
    public void Search_MalformedTypedQuery_ReportsTheColumnOfTheTypedText(string query, string code, int start, string? named)
    {
        var result = index.Engine.Search(new SearchRequest { Query = query });
        Assert.False(result.IsSuccess);
        var problem = result.Problems[0];
        Assert.Equal(code, problem.Code);
        Assert.Equal(start, problem.Span!.Value.Start);
        Assert.Equal(query, problem.Source);
        if (named is not null)
        {
            Assert.Contains(named, problem.Message, StringComparison.Ordinal);
        }
    }
}

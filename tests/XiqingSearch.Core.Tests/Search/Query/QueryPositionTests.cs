using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Query;

/// <summary>
/// Every query problem points at the token it is about, in UTF-16 columns of the query as typed: the value of a
/// field clause, the bound of a range, the field name, the token the parser stopped at.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class QueryPositionTests(SeedIndexFixture index)
{
    [Theory]
    // The second of two year clauses is the bad one: the caret is under its value, not at column 1.
    [InlineData("year:2024 OR year:abc", ProblemCodes.QueryBadRange, "abc")]
    [InlineData("year:abc OR year:2024", ProblemCodes.QueryBadRange, "abc")]
    [InlineData("year:2024 AND year:99", ProblemCodes.QueryBadRange, "99")]
    [InlineData("year:(2024 OR 20x4)", ProblemCodes.QueryBadRange, "20x4")]
    [InlineData("kind:heading OR kind:row", ProblemCodes.QuerySyntax, "row")]
    [InlineData("kind:paragraph 西青 kind:headings", ProblemCodes.QuerySyntax, "headings")]
    [InlineData("year:[2021 TO abc]", ProblemCodes.QueryBadRange, "abc")]
    [InlineData("year:[abc TO 2023]", ProblemCodes.QueryBadRange, "abc")]
    [InlineData("year:[2021 TO 2023] OR year:{2020 TO 12345}", ProblemCodes.QueryBadRange, "12345")]
    [InlineData("西青 topic:[a TO b]", ProblemCodes.QueryBadRange, "[a TO b]")]
    [InlineData("天开 OR foo:西青", ProblemCodes.QueryUnknownField, "foo")]
    [InlineData("天开 OR kind:x*", ProblemCodes.QuerySyntax, "x*")]
    [InlineData("天开 \"西青 园区\"~2", ProblemCodes.QuerySyntax, "~2")]
    [InlineData("天开 西青 AND", ProblemCodes.QuerySyntax, "")]
    [InlineData("天开 AND OR 西青", ProblemCodes.QuerySyntax, "OR")]
    public void Problem_SpanCoversTheOffendingToken(string query, string code, string token)
    {
        var problem = Assert.Single(index.Engine.Search(new SearchRequest { Query = query }).Problems);

        Assert.Equal(code, problem.Code);
        var span = problem.Span!.Value;
        var expected = token.Length == 0 ? query.Length : query.LastIndexOf(token, StringComparison.Ordinal);
        Assert.Equal(expected, span.Start);
        Assert.Equal(token, query[span.Start..span.End]);
        Assert.Equal(RequestParameter.Query, problem.Parameter);
    }

    [Theory]
    [InlineData("西青 \"天开 园区", ProblemCodes.QueryUnclosedQuote, 3)]
    [InlineData("西青 OR (天开 AND 园区", ProblemCodes.QueryUnbalancedParenthesis, 6)]
    [InlineData("(西青) 天开) 园区", ProblemCodes.QueryUnbalancedParenthesis, 7)]
    public void Problem_UnclosedQuoteOrParenthesis_PointsAtTheCharacter(string query, string code, int start)
    {
        var problem = Assert.Single(index.Engine.Search(new SearchRequest { Query = query }).Problems);

        Assert.Equal(code, problem.Code);
        Assert.Equal(new TextSpan(start, start + 1), problem.Span);
    }

    [Fact]
    public void Problem_AfterWideCharacters_CountsUtf16Units()
    {
        // 𠀀 is two UTF-16 units: the column of abc counts both, as JavaScript and .NET strings do.
        const string query = "𠀀西青 year:abc";
        var problem = Assert.Single(index.Engine.Search(new SearchRequest { Query = query }).Problems);

        Assert.Equal(query.IndexOf("abc", StringComparison.Ordinal), problem.Span!.Value.Start);
        Assert.Equal(10, problem.Span.Value.Start);
    }
}

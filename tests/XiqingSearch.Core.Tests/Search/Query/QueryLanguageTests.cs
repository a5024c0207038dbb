using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Query;

/// <summary>Boolean operators and field filters of the query language, checked against brute-force sets.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class QueryLanguageTests(SeedIndexFixture index)
{
    [Fact]
    public void Search_SpaceSeparatedTerms_AllMustMatch()
    {
        var both = Ids("西青 天开");
        Assert.NotEmpty(both);
        Assert.Equal(Contains("西青").Intersect(Contains("天开")).Order(), both.Order());
    }

    [Fact]
    public void Search_Or_MatchesEither()
    {
        Assert.Equal(Contains("天开").Union(Contains("中芯国际")).Order(), Ids("天开 OR 中芯国际").Order());
    }

    [Theory]
    [InlineData("西青 -天开")]
    [InlineData("西青 NOT 天开")]
    [InlineData("+西青 -天开")]
    public void Search_Not_ExcludesParagraphs(string query)
    {
        var expected = Contains("西青").Except(Contains("天开")).ToList();
        Assert.Equal(expected.Order(), Ids(query).Order());
    }

    [Fact]
    public void Search_Parentheses_GroupAlternatives()
    {
        var expected = Contains("科技").Intersect(Contains("天开").Union(Contains("中芯国际"))).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), Ids("科技 AND (天开 OR 中芯国际)").Order());
    }

    [Fact]
    public void Search_NegatedPhrase_IsNotHighlighted()
    {
        var response = index.SearchAll("西青 -天开");
        Assert.All(response.Hits, h => Assert.All(h.Highlights, s => Assert.Equal("西青", h.Text[s.Start..s.End])));
    }

    [Fact]
    public void Search_YearField_KeepsOnlyThatYear()
    {
        var response = index.SearchAll("发展 year:2024");
        Assert.NotEmpty(response.Hits);
        Assert.All(response.Hits, h => Assert.Equal(2024, h.Year));
        Assert.Equal(Contains("发展").Count(id => YearOf(id) == 2024), response.TotalHits);
    }

    [Fact]
    public void Search_YearRange_KeepsYearsInside()
    {
        var response = index.SearchAll("发展 year:[2021 TO 2023]");
        Assert.All(response.Hits, h => Assert.InRange(h.Year!.Value, 2021, 2023));
        Assert.Equal(Contains("发展").Count(id => YearOf(id) is >= 2021 and <= 2023), response.TotalHits);
    }

    [Fact]
    public void Search_TopicKindDocAndChapterFields_Filter()
    {
        var topic = index.SearchAll("topic:科技创新");
        Assert.NotEmpty(topic.Hits);
        Assert.All(topic.Hits, h => Assert.Equal("科技创新", h.Topic));

        var rows = index.SearchAll("kind:table-row");
        Assert.Equal(index.Paragraphs.Count(p => p.Paragraph.Kind == Core.Ingestion.ParagraphKind.TableRow), rows.TotalHits);

        var doc = index.Documents[0].File.Id;
        var inDoc = index.SearchAll($"发展 doc:{doc}");
        Assert.All(inDoc.Hits, h => Assert.Equal(doc, h.Doc));

        var chapter = index.SearchAll("chapter:京津冀");
        Assert.NotEmpty(chapter.Hits);
        Assert.All(chapter.Hits, h => Assert.Contains(h.Chapter, c => c.Contains("京津冀", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("天开西青园")]
    [InlineData("\"京津冀 协同发展\"")]
    [InlineData("5G")]
    [InlineData("同比增长4.2%")]
    public void Search_OnePhrase_SkipsTheParserWithTheSameResult(string query)
    {
        // Parentheses send the same phrase through Lucene's classic parser.
        var direct = index.SearchAll(query);
        var parsed = index.SearchAll($"({query})");
        Assert.True(Core.Search.Query.QueryCompiler.IsPlainPhrase(query) || Core.Search.Query.QueryCompiler.IsQuotedPhrase(query, out _));
        Assert.Equal(parsed.Hits.Select(h => (h.Id, h.Score)), direct.Hits.Select(h => (h.Id, h.Score)));
        Assert.Equal(parsed.Parsed, direct.Parsed);
    }

    [Fact]
    public void Search_QuotedPhraseWithSpaces_IgnoresWhitespace()
    {
        Assert.Equal(Ids("天开西青园").Order(), Ids("\"天开 西青 园\"").Order());
    }

    [Theory]
    [InlineData("2023 年", "2023年")]
    [InlineData("49200 元", "49200元")]
    [InlineData("２０２３ 年", "2023年")]
    public void Search_NumberSpaceUnitWithoutQuotes_IsOnePhrase(string spaced, string compact)
    {
        var joined = index.SearchAll(spaced);
        Assert.NotEmpty(joined.Hits);
        Assert.Equal(Contains(compact).Order(), joined.Hits.Select(h => h.Id).Order());
        Assert.Equal(index.SearchAll(compact).TotalOccurrences, joined.TotalOccurrences);
        Assert.Contains(compact, joined.Parsed, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_NumberSpaceUnitBesideOtherTerms_JoinsOnlyTheNumber()
    {
        var both = Ids("2023 年 西青");
        Assert.NotEmpty(both);
        Assert.Equal(Contains("2023年").Intersect(Contains("西青")).Order(), both.Order());
        // A number followed by a word that is not a unit stays a separate term.
        Assert.Equal(Contains("2023").Intersect(Contains("西青")).Order(), Ids("2023 西青").Order());
    }

    [Fact]
    public void Search_FullWidthAndUpperCaseLatin_MatchAsciiText()
    {
        Assert.Equal(Ids("5G").Order(), Ids("５Ｇ").Order());
    }

    [Theory]
    [InlineData("\"天开", ProblemCodes.QueryUnclosedQuote, 0)]
    [InlineData("西青 \"天开", ProblemCodes.QueryUnclosedQuote, 3)]
    [InlineData("(西青 AND 天开", ProblemCodes.QueryUnbalancedParenthesis, 0)]
    [InlineData("西青 AND 天开)", ProblemCodes.QueryUnbalancedParenthesis, 9)]
    [InlineData("foo:西青", ProblemCodes.QueryUnknownField, 0)]
    [InlineData("西青 year:20x4", ProblemCodes.QueryBadRange, 8)]
    [InlineData("西青 AND", ProblemCodes.QuerySyntax, 6)]
    [InlineData("西青 AND OR 天开", ProblemCodes.QuerySyntax, 7)]
    [InlineData("   ", ProblemCodes.QueryEmpty, 0)]
    [InlineData("-西青", ProblemCodes.QuerySyntax, 0)]
    [InlineData("西青~", ProblemCodes.QuerySyntax, 0)]
    [InlineData("2023 年 AND", ProblemCodes.QuerySyntax, 10)]          // after a joined "2023 年": columns of the typed query
    [InlineData("2023  年 AND OR 天开", ProblemCodes.QuerySyntax, 12)]
    [InlineData("2023 年 foo:西青", ProblemCodes.QueryUnknownField, 7)]
    public void Search_MalformedQuery_ReportsCodeAndPosition(string query, string code, int start)
    {
        var result = index.Engine.Search(new SearchRequest { Query = query });
        Assert.False(result.IsSuccess);
        var problem = result.Problems[0];
        Assert.Equal(code, problem.Code);
        Assert.NotNull(problem.Span);
        Assert.Equal(start, problem.Span!.Value.Start);
        Assert.Equal(query, problem.Source);
    }

    [Fact]
    public void Search_QueryTooLong_IsRefusedAtTheLimit()
    {
        var result = index.Engine.Search(new SearchRequest { Query = new string('西', SearchLimits.MaxQueryLength + 1) });
        Assert.Equal(ProblemCodes.QueryTooLong, result.Problems[0].Code);
        Assert.Equal(SearchLimits.MaxQueryLength, result.Problems[0].Span!.Value.Start);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(SearchLimits.MaxLimit + 1, 0)]
    [InlineData(10, -1)]
    [InlineData(10, SearchLimits.MaxOffset + 1)]
    public void Search_BadPaging_NamesTheParameter(int limit, int offset)
    {
        var result = index.Engine.Search(new SearchRequest { Query = "西青", Limit = limit, Offset = offset });
        Assert.Equal(ProblemCodes.BadParameter, result.Problems[0].Code);
        Assert.Equal(limit == 10 ? RequestParameter.Offset : RequestParameter.Limit, result.Problems[0].Parameter);
    }

    private List<string> Ids(string query) => [.. index.SearchAll(query).Hits.Select(h => h.Id)];

    private List<string> Contains(string phrase) =>
        [.. index.Paragraphs.Where(p => BruteForce.Occurrences(p.Paragraph.Text, phrase).Count > 0)
            .Select(p => $"{p.Paragraph.Doc}#{p.Paragraph.Number}")];

    private int YearOf(string id) => index.Documents.Single(d => id.StartsWith(d.File.Id + "#", StringComparison.Ordinal)).Year!.Value;
}

using XiqingSearch.Core.Search.Hints;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Hints;

/// <summary>Empty results explain themselves, on the seeds: each cause of an empty result gives its hint.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class HintTests(SeedIndexFixture index)
{
    [Theory]
    [InlineData("天开西清园", "天开西清园")]          // a typo: one character substituted
    [InlineData("天开西Q青园", "天开西q青园")]        // one character too many
    public void Search_TypoInAPhrase_SuggestsTheCorpusPhraseWithItsCounts(string query, string unmatched)
    {
        var response = index.SearchAll(query);
        Assert.Equal(0, response.TotalHits);
        var hints = Assert.IsType<SearchHints>(response.Hints);
        Assert.Contains(unmatched, hints.Unmatched);
        var suggestion = Assert.Single(hints.DidYouMean, s => s.Suggestion == "天开西青园");
        Assert.Equal(5, suggestion.Hits);
        Assert.Equal(8, suggestion.Occurrences);
        Assert.Equal("天开西青园", suggestion.Query);
        // The suggested query really finds what the hint says.
        var followed = index.SearchAll(suggestion.Query);
        Assert.Equal(suggestion.Hits, followed.TotalHits);
        Assert.Equal(suggestion.Occurrences, followed.TotalOccurrences);
    }

    [Fact]
    public void Search_TypoBesideOtherTerms_SuggestionKeepsTheRestOfTheQuery()
    {
        var response = index.SearchAll("科技 天开西清园");
        var suggestion = Assert.Single(response.Hints!.DidYouMean, s => s.Suggestion == "天开西青园");
        Assert.Equal("科技 天开西青园", suggestion.Query);
    }

    [Fact]
    public void Search_YearWithNoDocuments_NamesTheFilterAndTheValidYears()
    {
        var all = index.SearchAll("发展");
        var response = index.SearchAll("发展", r => r with { Years = [new YearRange(1999, 1999)] });
        Assert.Equal(0, response.TotalHits);
        var filter = Assert.Single(response.Hints!.Filters);
        Assert.Equal("year", filter.Filter);
        Assert.Equal(all.TotalHits, filter.HitsWithout);
        var unknown = Assert.Single(response.Hints.UnknownValues);
        Assert.Equal("1999", unknown.Value);
        Assert.Equal(all.Facets.Year.Select(y => y.Value).Order(StringComparer.Ordinal), unknown.Valid.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_UnknownTopic_IsNamedWithTheValidTopics()
    {
        var response = index.SearchAll("发展", r => r with { Topics = ["不存在"] });
        Assert.Equal(0, response.TotalHits);
        var unknown = Assert.Single(response.Hints!.UnknownValues);
        Assert.Equal("topic", unknown.Filter);
        Assert.Equal("不存在", unknown.Value);
        Assert.Contains("科技创新", unknown.Valid);
        Assert.Equal(index.SearchAll("发展").TotalHits, Assert.Single(response.Hints.Filters).HitsWithout);
    }

    [Fact]
    public void Search_FiltersThatTogetherExcludeEverything_EachGivesItsCountWithout()
    {
        // Find a year and topic that each have 高质量发展 hits but not together.
        var all = index.SearchAll("高质量发展");
        var pair = (from y in all.Facets.Year
                    from t in all.Facets.Topic
                    let years = new[] { new YearRange(int.Parse(y.Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(y.Value, System.Globalization.CultureInfo.InvariantCulture)) }
                    let both = index.SearchAll("高质量发展", r => r with { Years = years, Topics = [t.Value] })
                    where both.TotalHits == 0
                    select (years, t.Value, both)).First();
        var hints = pair.both.Hints!;
        var year = Assert.Single(hints.Filters, f => f.Filter == "year");
        var topic = Assert.Single(hints.Filters, f => f.Filter == "topic");
        Assert.Equal(index.SearchAll("高质量发展", r => r with { Topics = [pair.Value] }).TotalHits, year.HitsWithout);
        Assert.Equal(index.SearchAll("高质量发展", r => r with { Years = pair.years }).TotalHits, topic.HitsWithout);
        Assert.Equal(all.TotalHits, Assert.Single(hints.Filters, f => f.Filter == "all").HitsWithout);
        Assert.Empty(hints.UnknownValues);
        Assert.Empty(hints.Unmatched);
    }

    [Theory]
    [InlineData("天开 and 西青", "and")]
    [InlineData("天开 or 西青", "or")]
    [InlineData("西青 not 天开", "not")]
    public void Search_LowerCaseOperator_IsSearchedAsAWordAndSaidSo(string query, string word)
    {
        var response = index.SearchAll(query);
        Assert.Contains(response.Hints!.Notes, n => n.Contains($"'{word}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_WithHitsAndNothingToNote_HasNoHints()
    {
        var response = index.SearchAll("天开西青园");
        Assert.True(response.TotalHits > 0);
        Assert.Null(response.Hints);
    }

    [Theory]
    [InlineData("天开西清园", "天开西青园", true)]
    [InlineData("天开西园", "天开西青园", true)]
    [InlineData("天开西q青园", "天开西青园", true)]
    [InlineData("天开西青园", "天开西青园", false)]
    [InlineData("开天西青园", "天开西青园", false)]
    [InlineData("天开", "天开西青园", false)]
    public void WithinOneEdit_IsLevenshteinOne(string a, string b, bool expected)
    {
        Assert.Equal(expected, HintBuilder.WithinOneEdit(a, b));
        Assert.Equal(expected, HintBuilder.WithinOneEdit(b, a));
    }
}

using System.Globalization;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Facets;

/// <summary>Facet counts against counts computed from the hits themselves, and the multi-select rule.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class FacetTests(SeedIndexFixture index)
{
    [Theory]
    [InlineData("发展")]
    [InlineData("京津冀协同发展")]
    [InlineData("天开西青园")]
    public void Facets_Unfiltered_EqualCountsFromAllHits(string query)
    {
        var response = index.SearchAll(query);
        AssertCounts(response.Facets.Year, response.Hits, h => YearRange.Label(h.Year ?? 0));
        AssertCounts(response.Facets.Topic, response.Hits, h => h.Topic);
        AssertCounts(response.Facets.Doc, response.Hits, h => h.Doc);
        AssertCounts(response.Facets.Chapter.Where(c => c.Parent is null), response.Hits.Where(h => h.Chapter.Count > 0), h => h.Chapter[0]);
        AssertCounts(response.Facets.Type, response.Hits, h => TypeOf(h.Doc));
        Assert.Equal(response.TotalOccurrences, response.Facets.Year.Sum(y => y.Occurrences));
        Assert.Equal(response.TotalOccurrences, response.Facets.Type.Sum(y => y.Occurrences));
    }

    [Fact]
    public void Facets_TypeSelected_FiltersHitsAndIgnoresItsOwnSelection()
    {
        var all = index.SearchAll("发展");
        Assert.True(all.Facets.Type.Count >= 2, "the seeds hold several document types");
        var type = all.Facets.Type[^1];
        var filtered = index.SearchAll("发展", r => r with { Types = [type.Value] });

        Assert.Equal(type.Count, filtered.TotalHits);
        Assert.Equal(type.Occurrences, filtered.TotalOccurrences);
        Assert.All(filtered.Hits, h => Assert.Equal(type.Value, TypeOf(h.Doc)));
        // The type facet ignores its own filter: every type keeps its count, and the chosen one is marked.
        Assert.Equal(all.Facets.Type.Select(t => (t.Value, t.Count, t.Occurrences)), filtered.Facets.Type.Select(t => (t.Value, t.Count, t.Occurrences)));
        Assert.Equal([type.Value], filtered.Facets.Type.Where(t => t.Selected).Select(t => t.Value));
        // Other facets count only the hits of that type.
        AssertCounts(filtered.Facets.Year, filtered.Hits, h => YearRange.Label(h.Year ?? 0));
        AssertCounts(filtered.Facets.Doc, filtered.Hits, h => h.Doc);
    }

    [Fact]
    public void Facets_TwoTypesSelected_AreOredAndCombineWithYearByAnd()
    {
        var all = index.SearchAll("发展");
        var two = all.Facets.Type.Take(2).Select(t => t.Value).ToList();
        var filtered = index.SearchAll("发展", r => r with { Types = two, Years = [new YearRange(2021, 2023)] });

        var expected = all.Hits.Where(h => two.Contains(TypeOf(h.Doc)) && h.Year is >= 2021 and <= 2023).Select(h => h.Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, filtered.Hits.Select(h => h.Id).Order());
        // The type facet counts the year-filtered hits of every type; the year facet those of the two types.
        var yearOnly = index.SearchAll("发展", r => r with { Years = [new YearRange(2021, 2023)] });
        Assert.Equal(yearOnly.Facets.Type.Select(t => (t.Value, t.Count)), filtered.Facets.Type.Select(t => (t.Value, t.Count)));
        Assert.Equal(two.Order(), filtered.Facets.Type.Where(t => t.Selected).Select(t => t.Value).Order());
    }

    [Fact]
    public void Search_UnknownType_IsABadParameterNamingTheValidOnes()
    {
        var result = index.Engine.Search(new SearchRequest { Query = "发展", Types = ["plan"] });
        Assert.False(result.IsSuccess);
        Assert.Equal(Core.Problems.ProblemCodes.BadParameter, result.Problems[0].Code);
        Assert.Equal(Core.Problems.RequestParameter.Type, result.Problems[0].Parameter);
        Assert.Contains(DocumentTypes.FiveYearPlan, result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Facets_YearFiltered_StillCountOtherYears()
    {
        var all = index.SearchAll("京津冀协同发展");
        var filtered = index.SearchAll("京津冀协同发展", r => r with { Years = [new YearRange(2021, 2021)] });

        Assert.All(filtered.Hits, h => Assert.Equal(2021, h.Year));
        Assert.Equal(all.Facets.Year.Select(y => (y.Value, y.Count, y.Occurrences)), filtered.Facets.Year.Select(y => (y.Value, y.Count, y.Occurrences)));
        Assert.True(filtered.Facets.Year.Single(y => y.Value == "2021").Selected);
        // Other facets count only the filtered hits.
        AssertCounts(filtered.Facets.Topic, filtered.Hits, h => h.Topic);
        AssertCounts(filtered.Facets.Doc, filtered.Hits, h => h.Doc);
    }

    [Fact]
    public void Facets_TwoYearsSelected_AreOred()
    {
        var filtered = index.SearchAll("发展", r => r with { Years = [new YearRange(2024, 2024), new YearRange(2025, 2025)] });
        Assert.All(filtered.Hits, h => Assert.Contains(h.Year, new int?[] { 2024, 2025 }));
        Assert.Equal(filtered.Facets.Year.Where(y => y.Selected).Sum(y => y.Count), filtered.TotalHits);
    }

    [Fact]
    public void Facets_ChapterSelected_DrillsDownToLevelTwo()
    {
        var all = index.SearchAll("发展");
        var chapter = all.Facets.Chapter.First(c => c.Parent is null);
        var filtered = index.SearchAll("发展", r => r with { Chapters = [chapter.Value] });

        Assert.Equal(chapter.Count, filtered.TotalHits);
        Assert.All(filtered.Hits, h => Assert.Equal(chapter.Value, h.Chapter[0]));
        var level2 = filtered.Facets.Chapter.Where(c => c.Parent == chapter.Value).ToList();
        Assert.NotEmpty(level2);
        AssertCounts(level2, filtered.Hits.Where(h => h.Chapter.Count >= 2), h => ChapterPath.Join(h.Chapter.Take(2)));

        var sub = level2[0];
        var narrower = index.SearchAll("发展", r => r with { Chapters = [sub.Value] });
        Assert.Equal(sub.Count, narrower.TotalHits);
    }

    [Fact]
    public void Facets_TopicAndDocFilters_CombineWithAnd()
    {
        var all = index.SearchAll("发展");
        var topic = all.Facets.Topic[0].Value;
        var doc = all.Facets.Doc[0].Value;
        var filtered = index.SearchAll("发展", r => r with { Topics = [topic], Docs = [doc] });
        Assert.Equal(all.Hits.Count(h => h.Topic == topic && h.Doc == doc), filtered.TotalHits);
    }

    [Fact]
    public void CorpusFacets_CountEveryParagraph()
    {
        var facets = index.Engine.CorpusFacets();
        Assert.Equal(index.Paragraphs.Count, facets.Doc.Sum(d => d.Count));
        Assert.Equal(index.Paragraphs.Count, facets.Topic.Sum(d => d.Count));
        Assert.Equal(index.Documents.GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.Sum(d => d.Paragraphs.Count)).OrderBy(kv => kv.Key),
            facets.Type.ToDictionary(t => t.Value, t => t.Count).OrderBy(kv => kv.Key));
        foreach (var document in index.Documents)
        {
            Assert.Equal(document.Paragraphs.Count, facets.Doc.Single(d => d.Value == document.File.Id).Count);
        }
    }

    /// <summary>The type of a document as ingestion gave it (the ground truth the facet is checked against).</summary>
    private string TypeOf(string doc) => index.Documents.Single(d => d.File.Id == doc).Type;

    private static void AssertCounts(IEnumerable<FacetValue> facet, IEnumerable<SearchHit> hits, Func<SearchHit, string> key)
    {
        var expected = hits.GroupBy(key).ToDictionary(g => g.Key, g => (Count: g.Count(), Occurrences: g.Sum(h => h.Highlights.Count)));
        var actual = facet.ToDictionary(f => f.Value, f => (f.Count, f.Occurrences));
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }
}

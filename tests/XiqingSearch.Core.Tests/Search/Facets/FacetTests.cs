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
        AssertCounts(response.Facets.Year, response.Hits, h => h.Year.ToString(CultureInfo.InvariantCulture));
        AssertCounts(response.Facets.Topic, response.Hits, h => h.Topic);
        AssertCounts(response.Facets.Doc, response.Hits, h => h.Doc);
        AssertCounts(response.Facets.Chapter.Where(c => c.Parent is null), response.Hits.Where(h => h.Chapter.Count > 0), h => h.Chapter[0]);
        Assert.Equal(response.TotalOccurrences, response.Facets.Year.Sum(y => y.Occurrences));
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
        Assert.All(filtered.Hits, h => Assert.Contains(h.Year, new[] { 2024, 2025 }));
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
        foreach (var document in index.Documents)
        {
            Assert.Equal(document.Paragraphs.Count, facets.Doc.Single(d => d.Value == document.File.Id).Count);
        }
    }

    private static void AssertCounts(IEnumerable<FacetValue> facet, IEnumerable<SearchHit> hits, Func<SearchHit, string> key)
    {
        var expected = hits.GroupBy(key).ToDictionary(g => g.Key, g => (Count: g.Count(), Occurrences: g.Sum(h => h.Highlights.Count)));
        var actual = facet.ToDictionary(f => f.Value, f => (f.Count, f.Occurrences));
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }
}

using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Facets;

/// <summary><see cref="SearchRequest.FacetSize"/>: every facet cut to a size, what was cut summed in <see cref="SearchResponse.FacetsOmitted"/>.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class FacetSizeTests(SeedIndexFixture index)
{
    [Theory]
    [InlineData("发展", 1)]
    [InlineData("发展", 2)]
    [InlineData("西青", 3)]
    public void Search_FacetSize_CutsEveryFacetAndSumsWhatItLeftOut(string query, int size)
    {
        var all = index.SearchAll(query, r => r with { All = false, FacetSize = 0 });
        var cut = index.SearchAll(query, r => r with { All = false, FacetSize = size });
        Assert.Null(all.FacetsOmitted);
        var facets = new (string Name, Func<SearchFacets, IReadOnlyList<FacetValue>> Of)[]
        {
            ("year", f => f.Year), ("topic", f => f.Topic), ("chapter", f => f.Chapter), ("doc", f => f.Doc), ("type", f => f.Type), ("issuer", f => f.Issuer),
        };
        Assert.NotNull(cut.FacetsOmitted);
        foreach (var (name, of) in facets)
        {
            var full = of(all.Facets);
            var shown = of(cut.Facets);
            Assert.True(shown.Count <= size, $"{name}: {shown.Count} values");
            // The kept values are those with most hits, in the facet's own order.
            Assert.Equal(full.Where(v => shown.Contains(v)), shown);
            Assert.All(full.Where(v => !shown.Contains(v)), v => Assert.True(v.Count <= shown.Min(s => s.Count)));
            var left = full.Where(v => !shown.Contains(v)).ToList();
            if (left.Count == 0)
            {
                Assert.False(cut.FacetsOmitted!.ContainsKey(name), $"{name} was not cut");
            }
            else
            {
                var omitted = cut.FacetsOmitted![name];
                Assert.Equal(left.Count, omitted.Values);
                Assert.Equal(left.Sum(v => v.Count), omitted.Count);
                Assert.Equal(left.Sum(v => v.Occurrences), omitted.Occurrences);
            }
        }
        Assert.Equal(all.TotalHits, cut.TotalHits);
    }

    [Fact]
    public void Search_FacetSizeWithSelection_SelectedValuesAlwaysListed()
    {
        var all = index.SearchAll("发展", r => r with { All = false, FacetSize = 0 });
        var least = all.Facets.Doc.OrderBy(d => d.Count).First().Value;
        var cut = index.SearchAll("发展", r => r with { All = false, FacetSize = 1, Docs = [least] });
        Assert.Contains(cut.Facets.Doc, d => d.Value == least && d.Selected);
    }

    [Fact]
    public void Search_FacetSizeDefault_IsFifty()
    {
        Assert.Equal(50, new SearchRequest { Query = "x" }.FacetSize);
        Assert.False(index.Engine.Search(new SearchRequest { Query = "发展", FacetSize = -1 }).IsSuccess);
    }
}

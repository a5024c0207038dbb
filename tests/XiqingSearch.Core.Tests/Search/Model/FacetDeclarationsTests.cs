using System.Text.Json;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Facets;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Model;

/// <summary>The facet declarations are the one list the engine, the response and the page take every facet from.</summary>
public sealed class FacetDeclarationsTests
{
    [Fact]
    public void All_EveryFacetOfTheResponse_DeclaredOnceUnderItsJsonName()
    {
        var facets = FacetDeclarations.All.Aggregate(FacetDeclarations.Empty, (f, d) => d.With(f, [new FacetValue { Value = d.Name, Count = 1 }]));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(facets, XiqingJson.Options));

        var properties = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(properties.Order(StringComparer.Ordinal), FacetDeclarations.All.Select(d => d.Name).Order(StringComparer.Ordinal));
        // Each declaration reads and writes its own property: the value it set comes back under its name.
        Assert.All(FacetDeclarations.All, d => Assert.Equal(d.Name, json.RootElement.GetProperty(d.Name)[0].GetProperty("value").GetString()));
        Assert.All(FacetDeclarations.All, d => Assert.Equal(d.Name, Assert.Single(d.Values(facets)).Value));
        // The response lists its facets, and the filters their parameters, in one order.
        Assert.Equal(properties, FacetDeclarations.InFilterOrder.Select(d => d.Name));
    }

    [Fact]
    public void All_EachFacet_FilteredByTheDeclaredFilterOfItsName()
    {
        Assert.All(FacetDeclarations.All, d =>
        {
            Assert.Equal(d.Name, d.Filter.Parameter.Name);
            Assert.Contains(d.Filter, RequestDeclarations.Filters);
            Assert.Same(d, FacetDeclarations.Of(d.Filter.Parameter.Parameter));
            Assert.False(string.IsNullOrWhiteSpace(d.Label));
        });
        Assert.Null(FacetDeclarations.Of(RequestDeclarations.Heading.Parameter));
    }

    [Fact]
    public void Valued_EachReadsAFieldAndFitsTheRowKeys()
    {
        Assert.InRange(FacetDeclarations.Valued.Count, 1, FacetDeclarations.MaxValueFacets);
        Assert.All(FacetDeclarations.Valued, d => Assert.False(string.IsNullOrEmpty(d.Field)));
        Assert.Equal(FacetDeclarations.All.Count(d => d.Shape == FacetShape.Value), FacetDeclarations.Valued.Count);
    }

    [Fact]
    public void FacetBits_EveryFacet_OneBitOfItsOwn()
    {
        var bits = FacetDeclarations.All.Select(FacetBits.Of).Append(FacetMask.Kind).Append(FacetMask.Ocr).ToList();

        Assert.All(bits, b => Assert.True(b != FacetMask.None && ((int)b & ((int)b - 1)) == 0, b.ToString()));
        Assert.Equal(bits.Count, bits.Distinct().Count());
        Assert.Equal(FacetMask.Doc, FacetBits.Of(FacetDeclarations.Doc));
        Assert.Equal(FacetMask.Year, FacetBits.Of(FacetDeclarations.Year));
    }
}

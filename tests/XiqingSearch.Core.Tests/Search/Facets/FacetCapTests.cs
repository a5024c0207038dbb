using XiqingSearch.Core.Search.Facets;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Facets;

public sealed class FacetCapTests
{
    private static FacetValue Value(string name, int count, bool selected = false) =>
        new() { Value = name, Count = count, Occurrences = count * 2, Selected = selected };

    [Fact]
    public void Apply_TiesAtTheCut_KeepsTheFirstInTheFacetsOwnOrder()
    {
        // Counts 3, 5, 2, 5, 2, 2, 4 in document order; a size of 4 keeps both 5s, the 4 and the first 3-or-less
        // by count (the 3), and with a size of 5 the first of the three 2s.
        IReadOnlyList<FacetValue> docs = [Value("a", 3), Value("b", 5), Value("c", 2), Value("d", 5), Value("e", 2), Value("f", 2), Value("g", 4)];
        var facets = FacetDeclarations.Empty with { Doc = docs };

        var (four, omittedFour) = FacetCap.Apply(facets, 4);
        var (five, _) = FacetCap.Apply(facets, 5);

        Assert.Equal(["a", "b", "d", "g"], four.Doc.Select(v => v.Value));
        Assert.Equal(["a", "b", "c", "d", "g"], five.Doc.Select(v => v.Value));
        var left = omittedFour!["doc"];
        Assert.Equal((3, 6, 12), (left.Values, left.Count, left.Occurrences));
    }

    [Fact]
    public void Apply_SelectedValueBelowTheCut_IsListedBeside()
    {
        IReadOnlyList<FacetValue> docs = [Value("a", 1, selected: true), Value("b", 5), Value("c", 4)];
        var (cut, omitted) = FacetCap.Apply(FacetDeclarations.Empty with { Doc = docs }, 1);

        Assert.Equal(["a", "b"], cut.Doc.Select(v => v.Value));
        Assert.Equal(1, omitted!["doc"].Values);
    }
}

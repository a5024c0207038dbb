namespace XiqingSearch.Core.Search.Commit;

/// <summary>One search's counts, one <see cref="OrdinalCounts"/> per facet (the value facets' by their place).</summary>
internal sealed class FacetCounts(FacetOrdinals ordinals)
{
    public OrdinalCounts Years { get; } = new(ordinals.Years.Length);
    public OrdinalCounts[] Values { get; } = [.. ordinals.Values.Select(v => new OrdinalCounts(v.Length))];
    public OrdinalCounts Chapters1 { get; } = new(ordinals.Chapters1.Length);
    public OrdinalCounts Chapters2 { get; } = new(ordinals.Chapters2.Length);
    public OrdinalCounts Documents { get; } = new(ordinals.DocumentCount);

    public void Clear()
    {
        Years.Clear();
        foreach (var values in Values)
        {
            values.Clear();
        }
        Chapters1.Clear();
        Chapters2.Clear();
        Documents.Clear();
    }
}

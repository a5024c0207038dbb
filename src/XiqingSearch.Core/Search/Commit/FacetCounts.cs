namespace XiqingSearch.Core.Search.Commit;

/// <summary>One search's counts, one <see cref="OrdinalCounts"/> per facet.</summary>
internal sealed class FacetCounts(FacetOrdinals ordinals)
{
    public OrdinalCounts Years { get; } = new(ordinals.Years.Length);
    public OrdinalCounts Topics { get; } = new(ordinals.Topics.Length);
    public OrdinalCounts Chapters1 { get; } = new(ordinals.Chapters1.Length);
    public OrdinalCounts Chapters2 { get; } = new(ordinals.Chapters2.Length);
    public OrdinalCounts Documents { get; } = new(ordinals.DocumentCount);
    public OrdinalCounts Types { get; } = new(ordinals.Types.Length);
    public OrdinalCounts Issuers { get; } = new(ordinals.Issuers.Length);

    public void Clear()
    {
        Years.Clear();
        Topics.Clear();
        Chapters1.Clear();
        Chapters2.Clear();
        Documents.Clear();
        Types.Clear();
        Issuers.Clear();
    }
}

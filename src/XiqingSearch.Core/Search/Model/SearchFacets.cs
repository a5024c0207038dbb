namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// Facet counts over all matches. Each facet ignores its own filter (multi-select), so the counts of other
/// values stay visible while one is selected.
/// </summary>
public sealed record SearchFacets
{
    /// <summary>Per year, newest first; the unknown year (<c>unknown</c>) last.</summary>
    public required IReadOnlyList<FacetValue> Year { get; init; }

    /// <summary>Per topic, most hits first.</summary>
    public required IReadOnlyList<FacetValue> Topic { get; init; }

    /// <summary>Level-1 chapters; plus, for each selected level-1 chapter, its level-2 chapters (with <see cref="FacetValue.Parent"/> set).</summary>
    public required IReadOnlyList<FacetValue> Chapter { get; init; }

    /// <summary>Per document, in document order.</summary>
    public required IReadOnlyList<FacetValue> Doc { get; init; }

    /// <summary>
    /// Per document type (<c>annual-plan</c>, <c>work-report</c>, <c>five-year-plan</c>, <c>other</c>), most hits
    /// first.
    /// </summary>
    public IReadOnlyList<FacetValue> Type { get; init; } = [];

    /// <summary>Per issuer (发文机关), most hits first; documents with no known issuer are in none.</summary>
    public IReadOnlyList<FacetValue> Issuer { get; init; } = [];
}

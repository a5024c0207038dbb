using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Core.Search.Model;

/// <summary>How a facet is read and counted.</summary>
public enum FacetShape
{
    /// <summary>One value per paragraph from <see cref="FacetDeclaration.Field"/>, most hits first (topic, type, issuer).</summary>
    Value,

    /// <summary>The year: a number, filtered by ranges, newest first, the unknown year last.</summary>
    Year,

    /// <summary>The chapter: level-1 headings, with the level-2 ones under each selected level-1 one.</summary>
    Chapter,

    /// <summary>The document: in document order, labelled with its title.</summary>
    Document,
}

/// <summary>
/// One facet, declared once as data (<see cref="FacetDeclarations.All"/>): its name on the wire, its label for
/// people, the index field its values are read from, how they are ordered and which filter selects them. The
/// engine numbers its values per commit, counts and filters them on arrays indexed by the facet's place in the
/// list; the response, the facet size cut, the hints, the exports' wording and the page's filter boxes (served
/// as <c>modules/facetlist.js</c>) read the same entry. A facet of <see cref="FacetShape.Value"/> needs nothing
/// else: a facet is one entry here, its property on <see cref="SearchFacets"/> and its filter
/// (<see cref="RequestDeclarations.Filters"/>, a property of <see cref="Filters"/>).
/// </summary>
/// <param name="Name">The facet's name: its property in <c>facets</c>, its key in <c>facetsOmitted</c>, a hint's filter.</param>
/// <param name="Label">What people call it (the page's box title, the Word export's filter line, the CLI's messages).</param>
/// <param name="Filter">The filter that selects its values (values of one facet ORed; a facet's counts leave it out).</param>
/// <param name="Values">The facet's values in a <see cref="SearchFacets"/>.</param>
/// <param name="With">The facets given with this facet's values replaced.</param>
public sealed record FacetDeclaration(string Name, string Label, FilterDeclaration Filter,
    Func<SearchFacets, IReadOnlyList<FacetValue>> Values, Func<SearchFacets, IReadOnlyList<FacetValue>, SearchFacets> With)
{
    /// <summary>How the engine reads and counts it: a plain value, or one of the facets with rules of their own.</summary>
    public FacetShape Shape { get; init; } = FacetShape.Value;

    /// <summary>
    /// The index field a <see cref="FacetShape.Value"/> facet reads (a <see cref="FieldNames"/> name): a sorted
    /// doc-values field per paragraph, or, when <see cref="PerDocument"/>, a stored field of the document, read once
    /// per document when the commit is opened (no field is written for the facet).
    /// </summary>
    public string? Field { get; init; }

    /// <summary>True when the value is the document's, stored on each of its paragraphs (type, issuer).</summary>
    public bool PerDocument { get; init; }

    /// <summary>
    /// The value of a paragraph without one (the type's <c>other</c>); null leaves such paragraphs out of the
    /// facet and out of every selection of it, as a terms aggregation leaves out documents without the field.
    /// </summary>
    public string? Missing { get; init; }
}

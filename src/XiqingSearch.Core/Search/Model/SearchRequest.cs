namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// One search, as the CLI and the HTTP API both express it. Filters of one facet are ORed (multi-select);
/// different facets are ANDed. Facet counts of a facet ignore that facet's own filter. <see cref="SearchLimits"/>
/// bounds every value.
/// </summary>
public sealed record SearchRequest
{
    /// <summary>The query in XiqingSearch's query language (see <c>Search/Query/</c>).</summary>
    public required string Query { get; init; }

    /// <summary>Hits to skip (0-based).</summary>
    public int Offset { get; init; }

    /// <summary>
    /// Most values each facet lists (0: all; default <see cref="SearchLimits.DefaultFacetSize"/>): those with most
    /// hits, and the selected ones always; what is left out is summed in <see cref="SearchResponse.FacetsOmitted"/>.
    /// </summary>
    public int FacetSize { get; init; } = SearchLimits.DefaultFacetSize;

    /// <summary>Page size (<see cref="SearchLimits.MinLimit"/>..<see cref="SearchLimits.MaxLimit"/>).</summary>
    public int Limit { get; init; } = SearchLimits.DefaultLimit;

    /// <summary>Return every hit, ignoring <see cref="Limit"/>.</summary>
    public bool All { get; init; }

    /// <summary>Hit order.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>The filters (<see cref="Model.Filters"/>), shared with compare, new-terms and the export.</summary>
    public Filters Filters { get; init; } = Filters.None;

    /// <summary>Years to keep: <see cref="Filters.Years"/>.</summary>
    public IReadOnlyList<YearRange> Years { get => Filters.Years; init => Filters = Filters with { Years = value }; }

    /// <summary>Topics to keep: <see cref="Filters.Topics"/>.</summary>
    public IReadOnlyList<string> Topics { get => Filters.Topics; init => Filters = Filters with { Topics = value }; }

    /// <summary>Chapter paths to keep: <see cref="Filters.Chapters"/>.</summary>
    public IReadOnlyList<string> Chapters { get => Filters.Chapters; init => Filters = Filters with { Chapters = value }; }

    /// <summary>Headings to keep: <see cref="Filters.Headings"/>.</summary>
    public IReadOnlyList<string> Headings { get => Filters.Headings; init => Filters = Filters with { Headings = value }; }

    /// <summary>Documents to keep: <see cref="Filters.Docs"/>.</summary>
    public IReadOnlyList<string> Docs { get => Filters.Docs; init => Filters = Filters with { Docs = value }; }

    /// <summary>Document types to keep: <see cref="Filters.Types"/>.</summary>
    public IReadOnlyList<string> Types { get => Filters.Types; init => Filters = Filters with { Types = value }; }

    /// <summary>Issuers to keep: <see cref="Filters.Issuers"/>.</summary>
    public IReadOnlyList<string> Issuers { get => Filters.Issuers; init => Filters = Filters with { Issuers = value }; }

    /// <summary>Kinds to keep: <see cref="Filters.Kinds"/>.</summary>
    public IReadOnlyList<string> Kinds { get => Filters.Kinds; init => Filters = Filters with { Kinds = value }; }

    /// <summary>
    /// Text recognised from scans: null keeps all paragraphs, false keeps only exact text (<c>--exclude-ocr</c>,
    /// HTTP <c>ocr=false</c>, as <c>ocr:false</c> in the query), true only recognised text.
    /// </summary>
    public bool? Ocr { get; init; }

    /// <summary>
    /// True turns approximate matching off (<c>--exact</c>, HTTP <c>exact=true</c>): OCR paragraphs then match a
    /// phrase only exactly, as every other paragraph does.
    /// </summary>
    public bool Exact { get; init; }

    /// <summary>Who is asking: the answer covers only the documents they may see (the operator sees all).</summary>
    public Access.Caller Caller { get; init; } = Access.Caller.Operator;
}

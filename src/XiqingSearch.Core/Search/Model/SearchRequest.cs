using XiqingSearch.Core.Ingestion;

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

    /// <summary>Years to keep (any range matches; <see cref="YearRange.UnknownYear"/> keeps the unknown year).</summary>
    public IReadOnlyList<YearRange> Years { get; init; } = [];

    /// <summary>Topics to keep (exact names).</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>
    /// Chapters to keep. A value is a heading path joined with <see cref="ChapterPath.Separator"/>
    /// (<c>一、… &gt; （一）…</c>) or a single heading; a paragraph matches when its chapter path starts with it.
    /// </summary>
    public IReadOnlyList<string> Chapters { get; init; } = [];

    /// <summary>
    /// Headings to keep (any of them): a paragraph matches when a heading of its chapter path contains the value
    /// (a whole heading or part of one, at any level), as the query field <c>chapter:</c> means. <c>xiqing search
    /// --chapter</c> and HTTP <c>heading=</c> fill it; <see cref="Chapters"/> is the facet's exact-path selection.
    /// </summary>
    public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>Documents to keep (ids: file names without extension).</summary>
    public IReadOnlyList<string> Docs { get; init; } = [];

    /// <summary>
    /// Document types to keep (<c>annual-plan</c>, <c>work-report</c>, <c>five-year-plan</c>, <c>other</c>: see
    /// <see cref="DocumentTypes"/>).
    /// </summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Issuers to keep (发文机关, exact names as the <c>issuer</c> facet lists them).</summary>
    public IReadOnlyList<string> Issuers { get; init; } = [];

    /// <summary>Kinds to keep (<see cref="ParagraphKindNames"/>).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

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

using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// One search, as the CLI and the HTTP API both express it. Filters of one facet are ORed (multi-select);
/// different facets are ANDed. Facet counts of a facet ignore that facet's own filter.
/// </summary>
public sealed record SearchRequest
{
    /// <summary>Most characters a query may have.</summary>
    public const int MaxQueryLength = 500;

    /// <summary>Largest page size; <see cref="All"/> lifts it.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The query in XiqingSearch's query language (see <c>Search/Query/</c>).</summary>
    public required string Query { get; init; }

    /// <summary>Hits to skip (0-based).</summary>
    public int Offset { get; init; }

    /// <summary>Page size (1..<see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 10;

    /// <summary>Return every hit, ignoring <see cref="Limit"/>.</summary>
    public bool All { get; init; }

    /// <summary>Hit order.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Years to keep (any range matches).</summary>
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

    /// <summary>Kinds to keep (<c>paragraph</c>, <c>heading</c>, <c>table-row</c>).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];
}

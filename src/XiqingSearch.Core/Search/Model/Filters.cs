using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// The filters every request over hits shares — search, its export, compare and new-terms — declared once so each
/// verb takes the same set from both front ends. Values of one filter are ORed (multi-select); different filters
/// are ANDed. A verb's subject is not a filter: new-terms' year and compare's phrases live on their requests.
/// <see cref="SearchLimits"/> bounds every value.
/// </summary>
public sealed record Filters
{
    /// <summary>No filter: every hit passes.</summary>
    public static Filters None { get; } = new();

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
    /// (a whole heading or part of one, at any level), as the query field <c>chapter:</c> means. The CLI's
    /// <c>--chapter</c> and HTTP <c>heading=</c> fill it; <see cref="Chapters"/> is the facet's exact-path selection.
    /// </summary>
    public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>Documents to keep (ids: file names without extension).</summary>
    public IReadOnlyList<string> Docs { get; init; } = [];

    /// <summary>Kinds to keep (<see cref="ParagraphKindNames"/>).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Document types to keep (<see cref="DocumentTypes"/>).</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Issuers to keep (发文机关, exact names as the <c>issuer</c> facet lists them).</summary>
    public IReadOnlyList<string> Issuers { get; init; } = [];

    /// <summary>True when no filter has a value.</summary>
    public bool IsEmpty =>
        Years.Count == 0 && Topics.Count == 0 && Chapters.Count == 0 && Headings.Count == 0 && Docs.Count == 0
        && Kinds.Count == 0 && Types.Count == 0 && Issuers.Count == 0;
}

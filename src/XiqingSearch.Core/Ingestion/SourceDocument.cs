using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion;

/// <summary>A source file read, split into paragraphs and described.</summary>
/// <param name="File">Where it came from.</param>
/// <param name="Title">The document's own title, read from its text (or the catalogue).</param>
/// <param name="Year">The year the document is for (plan year, year delivered, first year of a five-year plan); null
/// when no source (<see cref="YearSources"/>) gives one: the unknown year.</param>
/// <param name="Period">For a five-year plan its span, e.g. <c>2021–2025</c> (en dash); otherwise null.</param>
/// <param name="Type"><c>annual-plan</c>, <c>work-report</c>, <c>five-year-plan</c> or <c>other</c>.</param>
/// <param name="Paragraphs">The paragraphs in order, numbered from 1.</param>
public sealed record SourceDocument(
    SourceFile File,
    string Title,
    int? Year,
    string? Period,
    string Type,
    IReadOnlyList<Paragraph> Paragraphs)
{
    /// <summary>Where <see cref="Year"/> was read (<see cref="YearSources"/>); null when the year is unknown.</summary>
    public string? YearSource { get; init; }

    /// <summary>The document's metadata beyond title and year: 文号, issuer, dates, source URL.</summary>
    public DocumentFacts Facts { get; init; } = DocumentFacts.None;

    /// <summary>What a person should know about how this document was read (its year unknown, …), for people.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The same document in other formats (equal text after cleaning): indexed once, offered as originals.</summary>
    public IReadOnlyList<SourceFile> Copies { get; init; } = [];
}

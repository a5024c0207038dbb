namespace XiqingSearch.Core.Ingestion;

/// <summary>A source file read, split into paragraphs and described.</summary>
/// <param name="File">Where it came from.</param>
/// <param name="Title">The document's own title, read from its text (or the catalogue).</param>
/// <param name="Year">The year the document is for (plan year, year delivered, first year of a five-year plan).</param>
/// <param name="Period">For a five-year plan its span, e.g. <c>2021–2025</c> (en dash); otherwise null.</param>
/// <param name="Type"><c>annual-plan</c>, <c>work-report</c>, <c>five-year-plan</c> or <c>other</c>.</param>
/// <param name="Paragraphs">The paragraphs in order, numbered from 1.</param>
public sealed record SourceDocument(
    SourceFile File,
    string Title,
    int Year,
    string? Period,
    string Type,
    IReadOnlyList<Paragraph> Paragraphs);

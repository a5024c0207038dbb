namespace XiqingSearch.Core.Ingestion.Model;

/// <summary>What a format reader hands on: the document's lines and what its metadata says of it.</summary>
/// <param name="Lines">The text in reading order, numbered from 1.</param>
/// <param name="Facts">The format's own metadata; <see cref="DocumentFacts.None"/> when it has none.</param>
internal sealed record ExtractedDocument(IReadOnlyList<SourceLine> Lines, DocumentFacts Facts);

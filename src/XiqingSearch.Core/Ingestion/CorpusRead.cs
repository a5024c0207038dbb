namespace XiqingSearch.Core.Ingestion;

/// <summary>What <see cref="CorpusReader.ReadCorpus"/> found: the documents read, and the documents skipped.</summary>
/// <param name="Documents">Every source read, by file name.</param>
/// <param name="Skipped">Laid-out documents whose text could not be read, by file name.</param>
public sealed record CorpusRead(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<SkippedDocument> Skipped);

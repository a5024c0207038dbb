using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion;

/// <summary>What <see cref="CorpusReader.ReadCorpus(string, IProgress{IngestProgress}?, IngestLimits?, Ocr.OcrEngine?)"/> found: the documents read, and the documents skipped.</summary>
/// <param name="Documents">Every source read (a copy of another only as <see cref="SourceDocument.Copies"/>), by path.</param>
/// <param name="Skipped">Entries that could not be read (no text, empty, unopenable, no text layer), by path.</param>
public sealed record CorpusRead(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<SkippedDocument> Skipped)
{
    /// <summary>What a person should know of the read as a whole (a catalogue left out, and why).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

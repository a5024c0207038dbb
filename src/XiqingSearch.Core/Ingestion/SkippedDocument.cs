using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// A laid-out document (PDF, DOCX, saved page) whose text could not be read, or any document over one of the reader
/// limits (<see cref="IngestLimits"/>): left out of the index, and listed with the reason by <c>xiqing index</c>, <c>xiqing stats</c> and <c>GET /api/documents</c>.
/// </summary>
/// <param name="File">Source file name.</param>
/// <param name="Code">Stable problem code (<c>ingest.no-text-layer</c>, <c>ingest.document-encrypted</c>,
/// <c>ingest.document-corrupt</c>, <c>ingest.unmapped-text</c>, <c>ingest.document-too-large</c>).</param>
/// <param name="Page">1-based page the reason applies to, when it applies to a page.</param>
/// <param name="Reason">Why, for people (e.g. "no text layer: needs OCR").</param>
public sealed record SkippedDocument(string File, string Code, int? Page, string Reason)
{
    /// <summary><c>file, page N: reason</c>.</summary>
    public override string ToString() => Page is int page ? $"{File}, page {page}: {Reason}" : $"{File}: {Reason}";
}

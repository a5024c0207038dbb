using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Reads a laid-out document (PDF, DOCX, saved web page) from its bytes into <see cref="SourceLine"/>s: its text in
/// reading order, numbered from 1, with the page of each line where the format has pages. A document that cannot
/// be read throws <see cref="UnreadableDocumentException"/> naming the page and the reason.
/// </summary>
internal interface IDocumentReader
{
    /// <summary>The document's lines and metadata, within <paramref name="limits"/>.</summary>
    ExtractedDocument Read(byte[] bytes, IngestLimits limits);
}

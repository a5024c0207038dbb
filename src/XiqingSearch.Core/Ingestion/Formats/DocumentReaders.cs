using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Ingestion.Ocr;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Picks the reader of a laid-out document by its extension and checks the bytes are that format before reading:
/// a <c>.pdf</c> starts with <c>%PDF-</c>, a <c>.docx</c> is a zip (<c>PK</c>), a saved page is text.
/// </summary>
internal static class DocumentReaders
{
    /// <summary>The extensions read as laid-out documents (text and markdown are read by <see cref="FormatReaders"/>).</summary>
    public static readonly string[] Extensions = [".pdf", ".docx", ".html", ".htm"];

    /// <summary>True when <paramref name="fileName"/> is a PDF, DOCX, saved web page or scanned image. Images are
    /// listed whether OCR is on or not, so that with OCR off they are named as skipped, not silently left out.</summary>
    public static bool Handles(string fileName) =>
        Extensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || ImageReader.Handles(fileName);

    /// <summary>Reads <paramref name="bytes"/> with the reader for <paramref name="fileName"/>'s extension.</summary>
    public static ExtractedDocument Read(string fileName, byte[] bytes, IngestLimits limits) => Read(fileName, bytes, limits, null);

    /// <summary>Reads with OCR: scanned pages of a PDF and image files are recognised by <paramref name="ocr"/>.</summary>
    public static ExtractedDocument Read(string fileName, byte[] bytes, IngestLimits limits, OcrSession? ocr)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        switch (extension)
        {
            case ".pdf":
                if (!StartsWithin(bytes, "%PDF-"u8, 1024))
                {
                    throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                        "not a PDF: the file does not start with %PDF-");
                }
                return PdfReader.ReadWithOcr(bytes, limits, ocr);
            case ".docx":
                if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
                {
                    throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                        bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 })
                            ? "not a DOCX: an OLE file (an encrypted DOCX or an old .doc); save it as .docx without a password"
                            : "not a DOCX: the file is not a zip package");
                }
                return DocxReader.Instance.Read(bytes, limits);
            case ".png" or ".jpg" or ".jpeg" or ".tif" or ".tiff":
                return ImageReader.Read(extension, bytes, ocr);
            default:
                return HtmlReader.Instance.Read(bytes, limits);
        }
    }

    private static bool StartsWithin(byte[] bytes, ReadOnlySpan<byte> marker, int window) =>
        bytes.AsSpan(0, Math.Min(bytes.Length, window)).IndexOf(marker) >= 0;
}

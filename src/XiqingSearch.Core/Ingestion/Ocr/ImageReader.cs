using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Ocr;

/// <summary>
/// A scan saved as an image (<c>.png</c>, <c>.jpg</c>, <c>.jpeg</c>, <c>.tif</c>, <c>.tiff</c>) is a document of
/// its own when OCR is on: its text recognised, with pages (a multi-page TIFF) and the OCR mark, running headers and
/// page numbers removed as for a PDF. With OCR off it is listed and skipped with the way to turn OCR on, so a
/// scanned page in the folder is never silently ignored.
/// </summary>
internal static class ImageReader
{
    /// <summary>The extensions read as scanned images.</summary>
    public static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".tif", ".tiff"];

    public static bool Handles(string fileName) =>
        Extensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static ExtractedDocument Read(string extension, byte[] bytes, OcrSession? ocr)
    {
        if (!LooksLikeImage(bytes))
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                $"not an image: the file does not start as a PNG, JPEG or TIFF does");
        }
        ocr ??= OcrSession.Off("");
        if (!ocr.CanRecognize)
        {
            throw new UnreadableDocumentException(ProblemCodes.NoTextLayer, 1, $"an image without text: needs OCR; {ocr.Hint}");
        }
        var pages = ocr.RecognizeImage(bytes, extension);
        if (pages.Count == 0)
        {
            throw new UnreadableDocumentException(ProblemCodes.NoTextLayer, 1,
                ocr.Warnings.Count > 0 ? string.Join("; ", ocr.Warnings) : "OCR found no text in the image");
        }
        var count = pages[^1].Page;
        var byPage = new List<List<PageLine>>(count);
        for (var p = 1; p <= count; p++)
        {
            byPage.Add(pages.FirstOrDefault(x => x.Page == p).Lines ?? []);
        }
        var kept = PageFurniture.Remove(byPage);
        var lines = new List<SourceLine>();
        for (var p = 0; p < kept.Count; p++)
        {
            foreach (var line in kept[p])
            {
                lines.Add(new SourceLine(lines.Count + 1, line.Text, IsMarkupHeading: false, IsCell: false, Page: p + 1,
                    EndsBlock: line.EndsBlock, Ocr: true, OcrConfidence: line.OcrConfidence));
            }
        }
        return new ExtractedDocument(lines, DocumentFacts.None);
    }

    private static bool LooksLikeImage(byte[] b) =>
        b.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })
        || b.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })
        || b.AsSpan().StartsWith("II*\0"u8) || b.AsSpan().StartsWith("MM\0*"u8);
}

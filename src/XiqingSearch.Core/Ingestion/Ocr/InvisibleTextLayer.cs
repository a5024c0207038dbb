using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Ocr;

/// <summary>
/// A scanner's or an OCR tool's PDF: the page is an image, and the recognised text lies over it in text render mode
/// 3 (neither filled nor stroked: invisible, but selectable and searchable). That text is OCR text too, whoever
/// recognised it, so its lines are marked as OCR and never trusted as exact. Its confidence is unknown (null): the
/// writer does not record it, and a made-up number would look measured.
/// </summary>
internal static class InvisibleTextLayer
{
    /// <summary>True when the page has letters and every visible-glyph letter is drawn invisibly.</summary>
    public static bool IsInvisible(Page page)
    {
        var any = false;
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                continue;
            }
            any = true;
            if (letter.RenderingMode is not (TextRenderingMode.Neither or TextRenderingMode.NeitherClip))
            {
                return false;
            }
        }
        return any;
    }

    /// <summary>The lines marked as OCR text of unknown confidence.</summary>
    public static List<PageLine> Mark(List<PageLine> lines) => [.. lines.Select(l => l with { Ocr = true, OcrConfidence = null })];
}

using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Ocr;

/// <summary>
/// What the PDF reader asks of OCR: the lines of the pages that are images without a text layer. A page it cannot
/// recognise (OCR off, the tools missing, a timeout) is simply not returned; the recogniser says why elsewhere.
/// </summary>
internal interface IPageRecognizer
{
    /// <summary>Recognised lines of <paramref name="pages"/> (1-based) of the PDF <paramref name="pdf"/>, top to
    /// bottom, marked as OCR; pages without a result are left out.</summary>
    IReadOnlyList<(int Page, List<PageLine> Lines)> Recognize(byte[] pdf, IReadOnlyList<int> pages);
}

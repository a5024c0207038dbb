namespace XiqingSearch.Core.Ingestion.Model;

/// <summary>
/// One line of a source file as a format reader hands it to the splitter.
/// </summary>
/// <param name="Number">1-based line number in the file (for PDF, DOCX and HTML: in the extracted text).</param>
/// <param name="Text">The line's text without format markup (a markdown heading without its <c>#</c> markers).</param>
/// <param name="IsMarkupHeading">True when the format marks the line as a heading (markdown <c>#</c>, a DOCX heading
/// style or outline level, an HTML <c>h1</c>–<c>h6</c>).</param>
/// <param name="IsCell">True when the line starts with a tab, which in PDF-extracted tables starts a cell.</param>
/// <param name="Page">1-based page the line is printed on; null when the format has no pages (text, HTML, a DOCX
/// never laid out).</param>
/// <param name="EndsBlock">True when the format itself ends a paragraph after this line (a DOCX paragraph, an HTML
/// block), so the splitter does not join it with the next line.</param>
/// <param name="IsRow">True when the line is one whole table row, its cells joined with <c> | </c>.</param>
/// <param name="Wraps">True when the layout shows the line wrapped: it runs to the right margin and the next line
/// goes on at the left margin (PDF), so its sentence continues there.</param>
/// <param name="Ocr">True when the line was recognised by OCR (or is a PDF's invisible OCR text layer).</param>
/// <param name="OcrConfidence">Mean confidence (0..1) of the line's recognised words; null when unknown.</param>
internal readonly record struct SourceLine(int Number, string Text, bool IsMarkupHeading, bool IsCell,
    int? Page = null, bool EndsBlock = false, bool IsRow = false, bool Wraps = false, bool Ocr = false,
    double? OcrConfidence = null)
{
    /// <summary>True for an empty or whitespace-only line.</summary>
    public bool IsBlank => Text.All(DisplayTextCleaner.IsSpace);
}

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// One searchable unit of a source document (one Lucene document): a body paragraph, a heading or a table row.
/// </summary>
/// <param name="Doc">The source file name without extension.</param>
/// <param name="Number">1-based order within its document; headings and table rows count too.</param>
/// <param name="Kind">What this unit is.</param>
/// <param name="Text">The normalised display text: wrapped lines joined, no newline, whitespace around CJK removed.</param>
/// <param name="Chapter">The heading path, level 1 first; never empty (text before the first chapter gets the title).</param>
/// <param name="Topic">The primary topic from the taxonomy, never empty.</param>
/// <param name="TopicKeywords">The keywords that decided <paramref name="Topic"/>; empty only for the fallback topic.</param>
/// <param name="FirstLine">1-based first source line.</param>
/// <param name="LastLine">1-based last source line (inclusive).</param>
/// <param name="FirstPage">1-based page the paragraph starts on (PDF, a laid-out DOCX); null for text sources.</param>
/// <param name="LastPage">1-based page the paragraph ends on; null for text sources.</param>
public sealed record Paragraph(
    string Doc,
    int Number,
    ParagraphKind Kind,
    string Text,
    IReadOnlyList<string> Chapter,
    string Topic,
    IReadOnlyList<string> TopicKeywords,
    int FirstLine,
    int LastLine,
    int? FirstPage = null,
    int? LastPage = null)
{
    /// <summary>True when the text was recognised by OCR (a scanned page, an image, a PDF's invisible text layer):
    /// it may differ from the printed words, so it is never presented as exact.</summary>
    public bool Ocr { get; init; }

    /// <summary>For OCR text, the mean recognition confidence of its words (0..1); null when not OCR, or when the
    /// text layer came from another recogniser whose confidence is unknown.</summary>
    public double? OcrConfidence { get; init; }
}

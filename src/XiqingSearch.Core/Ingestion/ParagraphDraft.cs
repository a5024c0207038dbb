namespace XiqingSearch.Core.Ingestion;

/// <summary>A paragraph as the splitter finds it, before numbering and topics.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Normalised display text.</param>
/// <param name="Chapter">Heading path, level 1 first; empty only for text before any heading.</param>
/// <param name="FirstLine">1-based first source line.</param>
/// <param name="LastLine">1-based last source line.</param>
/// <param name="HeadingLevel">For headings: 0 title, 1–3 by form; -1 for everything else.</param>
/// <param name="IsNotice">For a title heading: true when it is the notice title (<c>…关于印发…的通知</c>).</param>
internal sealed record ParagraphDraft(
    ParagraphKind Kind,
    string Text,
    IReadOnlyList<string> Chapter,
    int FirstLine,
    int LastLine,
    int HeadingLevel = -1,
    bool IsNotice = false)
{
    /// <summary>1-based page of the first line; null when the source has no pages.</summary>
    public int? FirstPage { get; init; }

    /// <summary>1-based page of the last line; null when the source has no pages.</summary>
    public int? LastPage { get; init; }

    /// <summary>True when any of its lines is OCR text (recognised from an image, or a PDF's invisible text layer).</summary>
    public bool Ocr { get; init; }

    /// <summary>Mean recognition confidence (0..1) of its OCR lines; null when not OCR or unknown.</summary>
    public double? OcrConfidence { get; init; }
}

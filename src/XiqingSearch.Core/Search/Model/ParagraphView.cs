namespace XiqingSearch.Core.Search.Model;

/// <summary>One stored paragraph with its metadata, without query highlighting.</summary>
public sealed record ParagraphView
{
    /// <summary><c>doc#paragraph</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Document id.</summary>
    public required string Doc { get; init; }

    /// <summary>1-based paragraph number.</summary>
    public int Paragraph { get; init; }

    /// <summary><c>paragraph</c>, <c>heading</c> or <c>table-row</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Heading path, level 1 first.</summary>
    public required IReadOnlyList<string> Chapter { get; init; }

    /// <summary>Primary topic.</summary>
    public required string Topic { get; init; }

    /// <summary>The keywords that decided <see cref="Topic"/>.</summary>
    public required IReadOnlyList<string> TopicKeywords { get; init; }

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>1-based first source line.</summary>
    public int FirstLine { get; init; }

    /// <summary>1-based last source line (inclusive).</summary>
    public int LastLine { get; init; }

    /// <summary>1-based page the paragraph starts on (PDF, a laid-out DOCX); null for text sources.</summary>
    public int? FirstPage { get; init; }

    /// <summary>1-based page the paragraph ends on (inclusive); null for text sources.</summary>
    public int? LastPage { get; init; }

    /// <summary>
    /// True when the paragraph's text was recognised from a scan (OCR, or a PDF's invisible text layer): it may
    /// differ from the scan, and is never exact text.
    /// </summary>
    public bool Ocr { get; init; }

    /// <summary>The mean confidence of the recognised words (0..1); null for exact text and for an invisible text
    /// layer, whose writer recorded none.</summary>
    public double? OcrConfidence { get; init; }
}

namespace XiqingSearch.Core.Search.Model;

/// <summary>One matching paragraph with every occurrence of the query marked.</summary>
public sealed record SearchHit
{
    /// <summary><c>doc#paragraph</c>, stable across rebuilds of the same seeds.</summary>
    public required string Id { get; init; }

    /// <summary>Document id (file name without extension).</summary>
    public required string Doc { get; init; }

    /// <summary>The document's own title.</summary>
    public required string Title { get; init; }

    /// <summary>The year the document is for; null when it is unknown.</summary>
    public int? Year { get; init; }

    /// <summary>The document number, 文号 (<c>国发〔2018〕38号</c>), or null.</summary>
    public string? Number { get; init; }

    /// <summary>Who issued the document, 发文机关, or null.</summary>
    public string? Issuer { get; init; }

    /// <summary>成文日期, the date it was signed (<c>yyyy-MM-dd</c>), or null.</summary>
    public string? WrittenDate { get; init; }

    /// <summary>发布日期, the date it was published (<c>yyyy-MM-dd</c>), or null.</summary>
    public string? PublishedDate { get; init; }

    /// <summary>Where the document was published, or null.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Where the year was read (<c>catalogue</c>, <c>metadata</c>, <c>text</c>, <c>file-properties</c>,
    /// <c>file-name</c>), or null when the year is unknown.</summary>
    public string? YearSource { get; init; }

    /// <summary>1-based paragraph number within the document.</summary>
    public int Paragraph { get; init; }

    /// <summary><c>paragraph</c>, <c>heading</c> or <c>table-row</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Heading path, level 1 first.</summary>
    public required IReadOnlyList<string> Chapter { get; init; }

    /// <summary>Primary topic.</summary>
    public required string Topic { get; init; }

    /// <summary>Relevance score (BM25 over the phrase and its SmartCn words), whatever the sort order.</summary>
    public float Score { get; init; }

    /// <summary>The paragraph's full text.</summary>
    public required string Text { get; init; }

    /// <summary>Every occurrence in <see cref="Text"/>: sorted, non-overlapping, one span per phrase occurrence.</summary>
    public required IReadOnlyList<TextSpan> Highlights { get; init; }

    /// <summary>The text around the first matches, for list views.</summary>
    public required string Snippet { get; init; }

    /// <summary>The occurrences inside <see cref="Snippet"/>, in snippet offsets.</summary>
    public required IReadOnlyList<TextSpan> SnippetHighlights { get; init; }

    /// <summary>1-based line range in the source file.</summary>
    public int FirstLine { get; init; }

    /// <summary>Last source line (inclusive).</summary>
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

using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// A whole document: its metadata and every paragraph in reading order, each with the query's occurrences
/// (<c>GET /api/documents/{doc}?q=</c>, <c>xiqing show DOC --all</c>).
/// </summary>
public sealed record DocumentView
{
    /// <summary>Document id.</summary>
    public required string Doc { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>The year the document is filed under; null when it is unknown.</summary>
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

    /// <summary>File names of the same document in other formats (equal text), offered as originals too.</summary>
    public IReadOnlyList<string> Copies { get; init; } = [];

    /// <summary>What a person should know about how the document was read (its year unknown, …).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The years a plan covers (<c>2021–2025</c>), or null.</summary>
    public string? Period { get; init; }

    /// <summary>Document type.</summary>
    public required string Type { get; init; }

    /// <summary>Source file name.</summary>
    public required string File { get; init; }

    /// <summary>The query the highlights are for, or null.</summary>
    public string? Query { get; init; }

    /// <summary>Occurrences of the query in the whole document.</summary>
    public int TotalOccurrences { get; init; }

    /// <summary>Paragraph numbers holding an occurrence, in reading order (for next/previous navigation).</summary>
    public required IReadOnlyList<int> HitParagraphs { get; init; }

    /// <summary>Every paragraph, in reading order.</summary>
    public required IReadOnlyList<DocumentParagraph> Paragraphs { get; init; }
}

/// <summary>One paragraph of a <see cref="DocumentView"/>.</summary>
public sealed record DocumentParagraph
{
    /// <summary>1-based paragraph number.</summary>
    public int Paragraph { get; init; }

    /// <summary><c>paragraph</c>, <c>heading</c> or <c>table-row</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Heading path, level 1 first.</summary>
    public required IReadOnlyList<string> Chapter { get; init; }

    /// <summary>Primary topic.</summary>
    public required string Topic { get; init; }

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>1-based first source line.</summary>
    public int FirstLine { get; init; }

    /// <summary>1-based last source line (inclusive).</summary>
    public int LastLine { get; init; }

    /// <summary>The query's occurrences in <see cref="Text"/> (0-based UTF-16, end exclusive); empty without a query.</summary>
    public required IReadOnlyList<TextSpan> Highlights { get; init; }

    /// <summary>True when the text was recognised from a scan (OCR or an invisible text layer); see <see cref="SearchHit.Ocr"/>.</summary>
    public bool Ocr { get; init; }

    /// <summary>The recognised words' mean confidence (0..1), or null.</summary>
    public double? OcrConfidence { get; init; }
}

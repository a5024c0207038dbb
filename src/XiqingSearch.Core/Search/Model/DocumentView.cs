using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// A whole document: its metadata and every paragraph in reading order, each with the query's occurrences
/// (<c>GET /api/documents/{doc}?q=</c>, <c>xiqing show DOC --all</c>).
/// </summary>
public sealed record DocumentView : DocumentDescription
{
    /// <summary>The query the highlights are for, or null.</summary>
    [JsonPropertyOrder(2)]
    public string? Query { get; init; }

    /// <summary>Occurrences of the query in the whole document.</summary>
    [JsonPropertyOrder(2)]
    public int TotalOccurrences { get; init; }

    /// <summary>Paragraph numbers holding an occurrence, in reading order (for next/previous navigation).</summary>
    [JsonPropertyOrder(2)]
    public required IReadOnlyList<int> HitParagraphs { get; init; }

    /// <summary>Every paragraph, in reading order.</summary>
    [JsonPropertyOrder(2)]
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

    /// <summary>True when the text was recognised from a scan (OCR or an invisible text layer); see <see cref="ParagraphDescription.Ocr"/>.</summary>
    public bool Ocr { get; init; }

    /// <summary>The recognised words' mean confidence (0..1), or null.</summary>
    public double? OcrConfidence { get; init; }
}

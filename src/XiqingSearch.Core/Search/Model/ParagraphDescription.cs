using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// What a paragraph is, declared once for every answer that shows one (<see cref="SearchHit"/>,
/// <see cref="ParagraphView"/>): where it is, its kind, headings and topic, its text, lines and pages, and whether
/// it was recognised from a scan. Each answer adds its own fields between these, so every field carries its place
/// in the JSON (<see cref="JsonPropertyOrderAttribute"/>): 0–1 where it is, 10–19 the hit's document, 20–29 what it
/// is, 30–39 its text and marks, 40–49 lines, pages and recognition.
/// </summary>
public abstract record ParagraphDescription
{
    /// <summary><c>doc#paragraph</c>, stable across rebuilds of the same seeds.</summary>
    [JsonPropertyOrder(0)]
    public required string Id { get; init; }

    /// <summary>Document id (file name without extension).</summary>
    [JsonPropertyOrder(1)]
    public required string Doc { get; init; }

    /// <summary>1-based paragraph number within the document.</summary>
    [JsonPropertyOrder(20)]
    public int Paragraph { get; init; }

    /// <summary><c>paragraph</c>, <c>heading</c> or <c>table-row</c>.</summary>
    [JsonPropertyOrder(21)]
    public required string Kind { get; init; }

    /// <summary>Heading path, level 1 first.</summary>
    [JsonPropertyOrder(22)]
    public required IReadOnlyList<string> Chapter { get; init; }

    /// <summary>Primary topic.</summary>
    [JsonPropertyOrder(23)]
    public required string Topic { get; init; }

    /// <summary>The paragraph's full text.</summary>
    [JsonPropertyOrder(30)]
    public required string Text { get; init; }

    /// <summary>1-based first source line.</summary>
    [JsonPropertyOrder(40)]
    public int FirstLine { get; init; }

    /// <summary>1-based last source line (inclusive).</summary>
    [JsonPropertyOrder(41)]
    public int LastLine { get; init; }

    /// <summary>1-based page the paragraph starts on (PDF, a laid-out DOCX); null for text sources.</summary>
    [JsonPropertyOrder(42)]
    public int? FirstPage { get; init; }

    /// <summary>1-based page the paragraph ends on (inclusive); null for text sources.</summary>
    [JsonPropertyOrder(43)]
    public int? LastPage { get; init; }

    /// <summary>
    /// True when the paragraph's text was recognised from a scan (OCR, or a PDF's invisible text layer): it may
    /// differ from the scan, and is never exact text.
    /// </summary>
    [JsonPropertyOrder(44)]
    public bool Ocr { get; init; }

    /// <summary>The mean confidence of the recognised words (0..1); null for exact text and for an invisible text
    /// layer, whose writer recorded none.</summary>
    [JsonPropertyOrder(45)]
    public double? OcrConfidence { get; init; }
}

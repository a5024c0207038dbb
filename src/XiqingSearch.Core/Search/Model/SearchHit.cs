using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// One matching paragraph with every occurrence of the query marked: its id, which document it is of
/// (<see cref="DocumentIdentity"/>), then the paragraph. In JSON in that order.
/// </summary>
public sealed record SearchHit : DocumentIdentity
{
    /// <summary><c>doc#paragraph</c>, stable across rebuilds of the same seeds.</summary>
    [JsonPropertyOrder(-1)]
    public required string Id { get; init; }

    /// <summary>1-based paragraph number within the document.</summary>
    [JsonPropertyOrder(1)]
    public int Paragraph { get; init; }

    /// <summary><c>paragraph</c>, <c>heading</c> or <c>table-row</c>.</summary>
    [JsonPropertyOrder(1)]
    public required string Kind { get; init; }

    /// <summary>Heading path, level 1 first.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<string> Chapter { get; init; }

    /// <summary>Primary topic.</summary>
    [JsonPropertyOrder(1)]
    public required string Topic { get; init; }

    /// <summary>Relevance score (BM25 over the phrase and its SmartCn words), whatever the sort order.</summary>
    [JsonPropertyOrder(1)]
    public float Score { get; init; }

    /// <summary>The paragraph's full text.</summary>
    [JsonPropertyOrder(1)]
    public required string Text { get; init; }

    /// <summary>Every occurrence in <see cref="Text"/>: sorted, non-overlapping, one span per phrase occurrence.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<TextSpan> Highlights { get; init; }

    /// <summary>The text around the first matches, for list views.</summary>
    [JsonPropertyOrder(1)]
    public required string Snippet { get; init; }

    /// <summary>The occurrences inside <see cref="Snippet"/>, in snippet offsets.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<TextSpan> SnippetHighlights { get; init; }

    /// <summary>1-based line range in the source file.</summary>
    [JsonPropertyOrder(1)]
    public int FirstLine { get; init; }

    /// <summary>Last source line (inclusive).</summary>
    [JsonPropertyOrder(1)]
    public int LastLine { get; init; }

    /// <summary>1-based page the paragraph starts on (PDF, a laid-out DOCX); null for text sources.</summary>
    [JsonPropertyOrder(1)]
    public int? FirstPage { get; init; }

    /// <summary>1-based page the paragraph ends on (inclusive); null for text sources.</summary>
    [JsonPropertyOrder(1)]
    public int? LastPage { get; init; }

    /// <summary>
    /// True when the paragraph's text was recognised from a scan (OCR, or a PDF's invisible text layer): it may
    /// differ from the scan, and is never exact text.
    /// </summary>
    [JsonPropertyOrder(1)]
    public bool Ocr { get; init; }

    /// <summary>The mean confidence of the recognised words (0..1); null for exact text and for an invisible text
    /// layer, whose writer recorded none.</summary>
    [JsonPropertyOrder(1)]
    public double? OcrConfidence { get; init; }
}

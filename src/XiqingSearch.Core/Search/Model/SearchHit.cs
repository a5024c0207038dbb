using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Model;

/// <summary>One matching paragraph with every occurrence of the query marked.</summary>
public sealed record SearchHit : ParagraphDescription
{
    /// <summary>A hit whose every required field is set by its initialiser.</summary>
    public SearchHit()
    {
    }

    /// <summary>
    /// A hit of <paramref name="paragraph"/>, its fields copied as the paragraph describes itself (so a hit and a
    /// paragraph view are made by one piece of code); the engine sets the hit's own fields in the initialiser.
    /// </summary>
    [SetsRequiredMembers]
    internal SearchHit(ParagraphDescription paragraph)
        : base(paragraph)
    {
        Title = string.Empty;
        Highlights = [];
        Snippet = string.Empty;
        SnippetHighlights = [];
    }

    /// <summary>The document's own title.</summary>
    [JsonPropertyOrder(10)]
    public required string Title { get; init; }

    /// <summary>The year the document is for; null when it is unknown.</summary>
    [JsonPropertyOrder(11)]
    public int? Year { get; init; }

    /// <summary>The document number, 文号 (<c>国发〔2018〕38号</c>), or null.</summary>
    [JsonPropertyOrder(12)]
    public string? Number { get; init; }

    /// <summary>Who issued the document, 发文机关, or null.</summary>
    [JsonPropertyOrder(13)]
    public string? Issuer { get; init; }

    /// <summary>成文日期, the date it was signed (<c>yyyy-MM-dd</c>), or null.</summary>
    [JsonPropertyOrder(14)]
    public string? WrittenDate { get; init; }

    /// <summary>发布日期, the date it was published (<c>yyyy-MM-dd</c>), or null.</summary>
    [JsonPropertyOrder(15)]
    public string? PublishedDate { get; init; }

    /// <summary>Where the document was published, or null.</summary>
    [JsonPropertyOrder(16)]
    public string? SourceUrl { get; init; }

    /// <summary>Where the year was read (<c>catalogue</c>, <c>metadata</c>, <c>text</c>, <c>file-properties</c>,
    /// <c>file-name</c>), or null when the year is unknown.</summary>
    [JsonPropertyOrder(17)]
    public string? YearSource { get; init; }

    /// <summary>Relevance score (BM25 over the phrase and its SmartCn words), whatever the sort order.</summary>
    [JsonPropertyOrder(24)]
    public float Score { get; init; }

    /// <summary>Every occurrence in <see cref="ParagraphDescription.Text"/>: sorted, non-overlapping, one span per phrase occurrence.</summary>
    [JsonPropertyOrder(31)]
    public required IReadOnlyList<TextSpan> Highlights { get; init; }

    /// <summary>The text around the first matches, for list views.</summary>
    [JsonPropertyOrder(32)]
    public required string Snippet { get; init; }

    /// <summary>The occurrences inside <see cref="Snippet"/>, in snippet offsets.</summary>
    [JsonPropertyOrder(33)]
    public required IReadOnlyList<TextSpan> SnippetHighlights { get; init; }
}

using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// What a document is, declared once for every answer that names a whole document (<see cref="DocumentSummary"/>,
/// <see cref="DocumentView"/>): id, title, year and where it was read, the metadata (number, issuer, dates, source
/// URL), copies, warnings, period, type and file. In JSON these come first, in this order, before the fields of the
/// answer itself (which carry <see cref="JsonPropertyOrderAttribute"/> 1).
/// </summary>
public abstract record DocumentDescription
{
    /// <summary>Document id (file name without extension).</summary>
    public required string Doc { get; init; }

    /// <summary>The document's own title.</summary>
    public required string Title { get; init; }

    /// <summary>The year the document is filed under; null when it is unknown (and for a skipped document).</summary>
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

    /// <summary>For a multi-year plan, the years it covers (<c>2021–2025</c>); otherwise null.</summary>
    public string? Period { get; init; }

    /// <summary><c>annual-plan</c>, <c>work-report</c>, <c>five-year-plan</c> or <c>other</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Source file name.</summary>
    public required string File { get; init; }
}

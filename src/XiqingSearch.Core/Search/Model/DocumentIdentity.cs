namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// Which document an answer is about, declared once for every answer that names one: id, title, year and where it
/// was read, and the metadata (number, issuer, dates, source URL). A whole document says more of itself
/// (<see cref="DocumentDescription"/>); a paragraph in its context says this and its file
/// (<see cref="ParagraphContext"/>). In JSON these come first, in this order; each level below adds its fields
/// after them (a higher <see cref="System.Text.Json.Serialization.JsonPropertyOrderAttribute"/>).
/// </summary>
public abstract record DocumentIdentity
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
}

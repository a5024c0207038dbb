namespace XiqingSearch.Core.Search.Model;

/// <summary>A paragraph with its neighbours (<c>xiqing show</c>, <c>GET /api/documents/{doc}/paragraphs/{n}</c>).</summary>
public sealed record ParagraphContext
{
    /// <summary>Document id.</summary>
    public required string Doc { get; init; }

    /// <summary>The document's title.</summary>
    public required string Title { get; init; }

    /// <summary>The document's year; null when it is unknown.</summary>
    public int? Year { get; init; }

    /// <summary>The document number, 文号, or null.</summary>
    public string? Number { get; init; }

    /// <summary>Who issued the document, 发文机关, or null.</summary>
    public string? Issuer { get; init; }

    /// <summary>成文日期 (<c>yyyy-MM-dd</c>), or null.</summary>
    public string? WrittenDate { get; init; }

    /// <summary>发布日期 (<c>yyyy-MM-dd</c>), or null.</summary>
    public string? PublishedDate { get; init; }

    /// <summary>Where the document was published, or null.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Where the year was read, or null when it is unknown.</summary>
    public string? YearSource { get; init; }

    /// <summary>Source file name.</summary>
    public required string File { get; init; }

    /// <summary>The paragraph asked for.</summary>
    public required ParagraphView Paragraph { get; init; }

    /// <summary>Up to N paragraphs before it, in order.</summary>
    public required IReadOnlyList<ParagraphView> Before { get; init; }

    /// <summary>Up to N paragraphs after it, in order.</summary>
    public required IReadOnlyList<ParagraphView> After { get; init; }
}

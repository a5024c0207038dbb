namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// Per-document metadata shared by all its paragraphs in a <see cref="ParagraphTable"/>: held once per document,
/// never per paragraph. <see cref="Year"/> is 0 for the unknown year (the doc value an absent year field reads).
/// </summary>
internal sealed record DocumentInfo(string Doc, int Ordinal, string Title, int Year, string? Period, string Type, string File)
{
    /// <summary>The year, or null when it is unknown.</summary>
    public int? KnownYear => Year == 0 ? null : Year;

    /// <summary>Where the year was read (<see cref="Ingestion.YearSources"/>), or null.</summary>
    public string? YearSource { get; init; }

    /// <summary>文号, or null.</summary>
    public string? Number { get; init; }

    /// <summary>发文机关, or null.</summary>
    public string? Issuer { get; init; }

    /// <summary>成文日期 (<c>yyyy-MM-dd</c>), or null.</summary>
    public string? WrittenDate { get; init; }

    /// <summary>发布日期 (<c>yyyy-MM-dd</c>), or null.</summary>
    public string? PublishedDate { get; init; }

    /// <summary>Where it was published, or null.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>How the document was read, for people.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>File names of the same document in other formats.</summary>
    public IReadOnlyList<string> Copies { get; init; } = [];

    /// <summary>Indexed units of the document (paragraphs, headings, table rows).</summary>
    public int Paragraphs { get; init; }
}

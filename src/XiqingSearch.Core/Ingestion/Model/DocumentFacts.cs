namespace XiqingSearch.Core.Ingestion.Model;

/// <summary>
/// What a document says of itself outside its body text: the format's own metadata (a gov.cn 信息公开 table, HTML
/// <c>meta</c> tags and canonical link, Markdown front matter, PDF/DOCX properties). A field is null where the
/// format has nothing to say. The metadata reader weighs these against the text (<c>YearSources</c>).
/// </summary>
public sealed record DocumentFacts
{
    /// <summary>Nothing known.</summary>
    public static readonly DocumentFacts None = new();

    /// <summary>The title the metadata gives (信息公开 标题, HTML <c>title</c> without the site's suffix, DOCX Title).</summary>
    public string? Title { get; init; }

    /// <summary>The document number, 文号, such as <c>国发〔2018〕38号</c>.</summary>
    public string? Number { get; init; }

    /// <summary>Who issued it, 发文机关.</summary>
    public string? Issuer { get; init; }

    /// <summary>成文日期: the date the document was signed.</summary>
    public DateOnly? WrittenDate { get; init; }

    /// <summary>发布日期: the date it was published.</summary>
    public DateOnly? PublishedDate { get; init; }

    /// <summary>Where it was published (HTML canonical link or <c>og:url</c>; <c>url</c> in the catalogue).</summary>
    public string? SourceUrl { get; init; }

    /// <summary>The file's own creation date (PDF CreationDate, DOCX <c>dcterms:created</c>): often a template's,
    /// so it ranks below the text.</summary>
    public DateOnly? FileCreated { get; init; }
}

using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// Corrections for one document from <c>catalog.json</c>; a null field (or, for <see cref="Period"/>, an absent
/// one) keeps what was read from the document.
/// </summary>
/// <param name="Title">Replaces the title read from the text.</param>
/// <param name="Year">Replaces the year read from the document.</param>
/// <param name="Type">Replaces the type (<see cref="DocumentTypes"/>).</param>
/// <param name="Period">Replaces the period when <paramref name="HasPeriod"/> (null then clears it).</param>
/// <param name="HasPeriod">True when the entry names <c>period</c>, even as null.</param>
public sealed record CatalogEntry(string? Title, int? Year, string? Type, string? Period, bool HasPeriod)
{
    /// <summary><c>url</c>: where the document was published; replaces <see cref="DocumentFacts.SourceUrl"/>.</summary>
    public string? Url { get; init; }

    /// <summary><c>number</c>: its 文号; replaces <see cref="DocumentFacts.Number"/>.</summary>
    public string? Number { get; init; }

    /// <summary><c>issuer</c>: 发文机关; replaces <see cref="DocumentFacts.Issuer"/>.</summary>
    public string? Issuer { get; init; }

    /// <summary><c>writtenDate</c> (<c>YYYY-MM-DD</c>): 成文日期; replaces <see cref="DocumentFacts.WrittenDate"/>.</summary>
    public DateOnly? WrittenDate { get; init; }

    /// <summary><c>publishedDate</c> (<c>YYYY-MM-DD</c>): 发布日期; replaces <see cref="DocumentFacts.PublishedDate"/>.</summary>
    public DateOnly? PublishedDate { get; init; }

    /// <summary><paramref name="facts"/> with this entry's fields laid over them (the catalogue wins).</summary>
    public DocumentFacts Over(DocumentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts with
        {
            Title = Title ?? facts.Title,
            SourceUrl = Url ?? facts.SourceUrl,
            Number = Number ?? facts.Number,
            Issuer = Issuer ?? facts.Issuer,
            WrittenDate = WrittenDate ?? facts.WrittenDate,
            PublishedDate = PublishedDate ?? facts.PublishedDate,
        };
    }
}

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// Corrections for one document from <c>catalog.json</c>; a null field (or, for <see cref="Period"/>, an absent
/// one) keeps what was read from the text.
/// </summary>
/// <param name="Title">Replaces the title read from the text.</param>
/// <param name="Year">Replaces the year read from the text.</param>
/// <param name="Type">Replaces the type (<see cref="DocumentTypes"/>).</param>
/// <param name="Period">Replaces the period when <paramref name="HasPeriod"/> (null then clears it).</param>
/// <param name="HasPeriod">True when the entry names <c>period</c>, even as null.</param>
public sealed record CatalogEntry(string? Title, int? Year, string? Type, string? Period, bool HasPeriod)
{
    /// <summary>
    /// Metadata the entry gives (<c>url</c>, <c>number</c>, <c>issuer</c>, <c>writtenDate</c>, <c>publishedDate</c>):
    /// each field set replaces what the document's own metadata says.
    /// </summary>
    public DocumentFacts Facts { get; init; } = DocumentFacts.None;
}

namespace XiqingSearch.Core.Ingestion;

/// <summary>Title, year, period, type and 文号 of a document, as read from its text.</summary>
/// <param name="Title">The text's own title (a 文号 glued to its end split off); null when the text has none.</param>
/// <param name="Year">The year the text gives, within <see cref="MetadataReader.IsPlausibleYear"/>; else null.</param>
/// <param name="Period">A five-year plan's span; else null.</param>
/// <param name="Type">One of <see cref="DocumentTypes"/>, read from the title.</param>
/// <param name="Number">A 文号 split off the end of the title; else null.</param>
internal sealed record DocumentMetadata(string? Title, int? Year, string? Period, string Type, string? Number = null)
{
    /// <summary>
    /// The year the title says the document is about (<c>江西省2022年国民经济和社会发展统计公报</c>); it beats a
    /// publish or signing date, which fall in the year after. Null when the title names no such year.
    /// </summary>
    public int? TitleYear { get; init; }

    /// <summary>成文日期 of a label/value table printed in the text (the 信息公开 table); else null.</summary>
    public DateOnly? WrittenDate { get; init; }

    /// <summary>发布日期 of such a table; else null.</summary>
    public DateOnly? PublishedDate { get; init; }
}

namespace XiqingSearch.Core.Ingestion;

/// <summary>Title, year, period, type and 文号 of a document, as read from its text.</summary>
/// <param name="Title">The text's own title (a 文号 glued to its end split off); null when the text has none.</param>
/// <param name="Year">The year the text gives, within <see cref="MetadataReader.IsPlausibleYear"/>; else null.</param>
/// <param name="Period">A five-year plan's span; else null.</param>
/// <param name="Type">One of <see cref="DocumentTypes"/>, read from the title.</param>
/// <param name="Number">A 文号 split off the end of the title; else null.</param>
internal sealed record DocumentMetadata(string? Title, int? Year, string? Period, string Type, string? Number = null);

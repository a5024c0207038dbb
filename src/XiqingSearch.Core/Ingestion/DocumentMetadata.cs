namespace XiqingSearch.Core.Ingestion;

/// <summary>Title, year, period and type of a document, as read from its text.</summary>
internal sealed record DocumentMetadata(string Title, int? Year, string? Period, string Type);

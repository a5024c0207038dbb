namespace XiqingSearch.Core.Search.Engine;

/// <summary>Per-document metadata shared by all its paragraphs in a <see cref="ParagraphTable"/>.</summary>
internal sealed record DocumentInfo(string Doc, int Ordinal, string Title, int Year, string? Period, string Type, string File);

namespace XiqingSearch.Core.Indexing;

/// <summary>One source document's line in a <see cref="BuildReport"/>.</summary>
public sealed record BuildReportDocument(
    string Doc,
    string Title,
    int? Year,
    int Paragraphs,
    int Headings,
    int TableRows,
    long Bytes);

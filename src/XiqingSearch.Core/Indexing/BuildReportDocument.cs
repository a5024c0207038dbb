namespace XiqingSearch.Core.Indexing;

/// <summary>One source document's line in a <see cref="BuildReport"/>.</summary>
public sealed record BuildReportDocument(
    string Doc,
    string Title,
    int? Year,
    int Paragraphs,
    int Headings,
    int TableRows,
    long Bytes)
{
    /// <summary>Where the year was read (<see cref="Ingestion.YearSources"/>); null when it is unknown.</summary>
    public string? YearSource { get; init; }

    /// <summary>The years a multi-year document covers (<c>2021–2025</c>, as <c>stats</c> shows it); null for one year.</summary>
    public string? Period { get; init; }

    /// <summary>What a person should know of how it was read (its year unknown, …).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Other files with the same text (paths under the seeds folder), left out as copies of this one.</summary>
    public IReadOnlyList<string> Copies { get; init; } = [];
}

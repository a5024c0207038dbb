using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Search.Model;

/// <summary>What the index holds and when it was built (<c>xiqing stats</c>).</summary>
public sealed record IndexStats
{
    /// <summary>Index folder.</summary>
    public required string IndexDirectory { get; init; }

    /// <summary>Lucene documents (paragraphs, headings, table rows).</summary>
    public int Paragraphs { get; init; }

    /// <summary>Bytes on disk of the current commit's files.</summary>
    public long SizeBytes { get; init; }

    /// <summary>When the current commit was built (UTC).</summary>
    public DateTimeOffset BuiltAt { get; init; }

    /// <summary>The source documents.</summary>
    public required IReadOnlyList<DocumentSummary> Documents { get; init; }

    /// <summary>Documents of the seeds that could not be read and are not in the index, with the reason.</summary>
    public IReadOnlyList<SkippedDocument> Skipped { get; init; } = [];

    /// <summary>Paragraphs per year.</summary>
    public required IReadOnlyList<FacetValue> Years { get; init; }

    /// <summary>Paragraphs per topic.</summary>
    public required IReadOnlyList<FacetValue> Topics { get; init; }
}

using System.Text.Json.Serialization;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Search.Model;

/// <summary>One source document of the index, as <c>GET /api/documents</c> and <c>xiqing stats</c> list it.</summary>
public sealed record DocumentSummary : DocumentDescription
{
    /// <summary>All indexed units of the document (paragraphs + headings + table rows).</summary>
    [JsonPropertyOrder(2)]
    public int Paragraphs { get; init; }

    /// <summary>Counts per kind (<c>paragraph</c>, <c>heading</c>, <c>table-row</c>).</summary>
    [JsonPropertyOrder(2)]
    public required IReadOnlyDictionary<string, int> Kinds { get; init; }

    /// <summary>
    /// For a document that could not be read (scanned, encrypted, damaged): why, and on which page; it has no
    /// paragraphs in the index. Null for indexed documents.
    /// </summary>
    [JsonPropertyOrder(2)]
    public SkippedDocument? Skipped { get; init; }
}

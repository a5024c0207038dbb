using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// A paragraph with its neighbours (<c>xiqing show</c>, <c>GET /api/documents/{doc}/paragraphs/{n}</c>): which
/// document (<see cref="DocumentIdentity"/>, first in JSON), its file, then the paragraphs.
/// </summary>
public sealed record ParagraphContext : DocumentIdentity
{
    /// <summary>Source file name.</summary>
    [JsonPropertyOrder(1)]
    public required string File { get; init; }

    /// <summary>The paragraph asked for.</summary>
    [JsonPropertyOrder(1)]
    public required ParagraphView Paragraph { get; init; }

    /// <summary>Up to N paragraphs before it, in order.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<ParagraphView> Before { get; init; }

    /// <summary>Up to N paragraphs after it, in order.</summary>
    [JsonPropertyOrder(1)]
    public required IReadOnlyList<ParagraphView> After { get; init; }
}

using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Model;

/// <summary>One stored paragraph with its metadata, without query highlighting.</summary>
public sealed record ParagraphView : ParagraphDescription
{
    /// <summary>The keywords that decided <see cref="ParagraphDescription.Topic"/>.</summary>
    [JsonPropertyOrder(24)]
    public required IReadOnlyList<string> TopicKeywords { get; init; }
}

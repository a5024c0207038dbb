using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Model;

/// <summary>One facet bucket: matching paragraphs and occurrences with this value.</summary>
public sealed record FacetValue
{
    /// <summary>The value: a year, topic, document id or heading.</summary>
    public required string Value { get; init; }

    /// <summary>Matching paragraphs.</summary>
    public int Count { get; init; }

    /// <summary>Occurrences of the query in those paragraphs.</summary>
    public int Occurrences { get; init; }

    /// <summary>For a level-2 chapter: its level-1 heading. Null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Parent { get; init; }

    /// <summary>A display label where the value is an id (a document's title). Null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }

    /// <summary>True when this value is among the request's filters.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Selected { get; init; }
}

using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// What a document is, declared once for every answer that names a whole document (<see cref="DocumentSummary"/>,
/// <see cref="DocumentView"/>): which document (<see cref="DocumentIdentity"/>), then copies, warnings, period,
/// type and file. In JSON these come first, in this order, before the fields of the answer itself (which carry
/// <see cref="JsonPropertyOrderAttribute"/> 2).
/// </summary>
public abstract record DocumentDescription : DocumentIdentity
{
    /// <summary>File names of the same document in other formats (equal text), offered as originals too.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<string> Copies { get; init; } = [];

    /// <summary>What a person should know about how the document was read (its year unknown, …).</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>For a multi-year plan, the years it covers (<c>2021–2025</c>); otherwise null.</summary>
    [JsonPropertyOrder(1)]
    public string? Period { get; init; }

    /// <summary><c>annual-plan</c>, <c>work-report</c>, <c>five-year-plan</c> or <c>other</c>.</summary>
    [JsonPropertyOrder(1)]
    public required string Type { get; init; }

    /// <summary>Source file name.</summary>
    [JsonPropertyOrder(1)]
    public required string File { get; init; }
}

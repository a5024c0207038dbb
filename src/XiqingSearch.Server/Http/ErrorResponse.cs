using System.Text.Json.Serialization;

namespace XiqingSearch.Server.Http;

/// <summary>The body of every error answer: <c>{"error": {...}}</c>.</summary>
public sealed record ErrorResponse(ErrorBody Error);

/// <summary>What went wrong.</summary>
public sealed record ErrorBody
{
    /// <summary>Stable code (<c>query.unclosed-quote</c>, <c>request.bad-parameter</c>, …).</summary>
    public required string Code { get; init; }

    /// <summary>For people.</summary>
    public required string Message { get; init; }

    /// <summary>For query errors: the 1-based column in <c>q</c> (UTF-16 code units), i.e. <see cref="Offset"/> + 1.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Position { get; init; }

    /// <summary>For query errors: the 0-based offset of the problem in <c>q</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Offset { get; init; }

    /// <summary>For query errors: how many UTF-16 code units the problem covers.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Length { get; init; }

    /// <summary>
    /// The values the message is made of (<c>reason</c>, <c>field</c>, <c>token</c>, …), so a client can word the
    /// problem itself from <see cref="Code"/>: the search page shows query errors in Chinese this way.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Arguments { get; init; }

    /// <summary>For a bad parameter: its name (<c>limit</c>, <c>sort</c>, …).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Parameter { get; init; }

    /// <summary>For a reindex: the id of the rebuild this answer is about (for <c>index.busy</c>, the one running).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BuildId { get; init; }
}

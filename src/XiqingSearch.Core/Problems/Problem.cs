namespace XiqingSearch.Core.Problems;

/// <summary>
/// An expected failure, described for people and machines: a stable <see cref="Code"/> (for example
/// <c>query.unclosed-quote</c>, <c>ingest.invalid-utf8</c>), a message, the <see cref="Source"/> it is about
/// (a query text or a file path) and, where it applies, where inside it: <see cref="Span"/> for text (UTF-16 units
/// of the query), <see cref="ByteOffset"/> for a file's bytes. A bad request value names its
/// <see cref="Parameter"/>, which each front end spells its own way.
/// Tests assert on the code, parameter and span, never on the wording; each layer words its problems in one
/// place (<c>Search/SearchMessages</c>, <c>Ingestion/Model/IngestMessages</c>, the server's <c>Http/ServerMessages</c>).
/// </summary>
public sealed record Problem(string Code, string Message, string? Source = null, TextSpan? Span = null)
{
    /// <summary>
    /// The values the message is made of, by name (<c>reason</c>, <c>field</c>, <c>token</c>, <c>max</c>, …), so a
    /// front end can word the problem in its own language from <see cref="Code"/> and these; null when none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Arguments { get; init; }

    /// <summary>The request parameter a bad value came from; null when the problem is not about one.</summary>
    public RequestParameter? Parameter { get; init; }

    /// <summary>
    /// For a problem inside a file (<see cref="Source"/> is its path): the 0-based byte offset of the first bad
    /// byte. Bytes are not UTF-16 units, so this is never a <see cref="Span"/>.
    /// </summary>
    public long? ByteOffset { get; init; }

    /// <summary>This problem with <paramref name="arguments"/> added (name, value pairs).</summary>
    public Problem With(params (string Name, string Value)[] arguments)
    {
        var all = Arguments is null ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(Arguments, StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            all[name] = value;
        }
        return this with { Arguments = all };
    }

    /// <summary>The message followed by the source, for logs and plain-text output.</summary>
    public override string ToString() => Source is null ? Message : $"{Message} ({Source})";
}

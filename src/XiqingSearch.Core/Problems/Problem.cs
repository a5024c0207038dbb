namespace XiqingSearch.Core.Problems;

/// <summary>
/// An expected failure, described for people and machines: a stable <see cref="Code"/> (for example
/// <c>query.unclosed-quote</c>, <c>ingest.invalid-utf8</c>), a message, the <see cref="Source"/> it is about
/// (a query text or a file path) and, where it applies, the <see cref="Span"/> inside that source.
/// Tests assert on the code and span, never on the wording; the wording is made where the problem is detected.
/// </summary>
public sealed record Problem(string Code, string Message, string? Source = null, TextSpan? Span = null)
{
    /// <summary>
    /// The values the message is made of, by name (<c>reason</c>, <c>field</c>, <c>token</c>, <c>max</c>, …), so a
    /// front end can word the problem in its own language from <see cref="Code"/> and these; null when none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Arguments { get; init; }

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

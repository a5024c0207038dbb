namespace XiqingSearch.Core.Results;

/// <summary>
/// An expected failure, described for people and machines: a stable <see cref="Code"/> (for example
/// <c>query.unclosed-quote</c>, <c>ingest.invalid-utf8</c>), a message, the <see cref="Source"/> it is about
/// (a query text or a file path) and, where it applies, the <see cref="Span"/> inside that source.
/// Tests assert on the code and span, never on the wording; the wording is made where the problem is detected.
/// </summary>
public sealed record Problem(string Code, string Message, string? Source = null, TextSpan? Span = null)
{
    /// <summary>The message followed by the source, for logs and plain-text output.</summary>
    public override string ToString() => Source is null ? Message : $"{Message} ({Source})";
}

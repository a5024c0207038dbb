namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// Thrown from inside the Lucene parser callbacks, which cannot return a result, when a clause is well-formed
/// syntax but means nothing here (an unknown field, a year that is not a number). It carries the problem and the
/// span of the token it is about, taken from the parser's tokens; <see cref="QueryCompiler"/> adds the query.
/// </summary>
internal sealed class QueryFieldException(Problem problem, TextSpan span) : Exception(problem.Message)
{
    /// <summary>What is wrong (no source or span yet).</summary>
    public Problem Problem { get; } = problem;

    /// <summary>Where, in the query the parser read.</summary>
    public TextSpan Span { get; } = span;
}

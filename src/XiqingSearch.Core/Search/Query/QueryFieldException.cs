using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// Thrown from inside the Lucene parser callbacks, which cannot return a result, when a clause is well-formed
/// syntax but means nothing here (an unknown field, a year that is not a number). Caught by
/// <see cref="QueryCompiler"/>, which turns it into a <see cref="Problems.Problem"/> with a position.
/// </summary>
internal sealed class QueryFieldException(string code, string message, string? field, string? term,
    IReadOnlyDictionary<string, string>? arguments = null) : Exception(message)
{
    /// <summary>The problem's arguments (<see cref="Problems.Problem.Arguments"/>).</summary>
    public IReadOnlyDictionary<string, string>? Arguments { get; } = arguments;

    public string Code { get; } = code;

    /// <summary>The field of the offending clause, used to find its position in the query.</summary>
    public string? Field { get; } = field;

    /// <summary>The offending term, used to find its position in the query.</summary>
    public string? Term { get; } = term;
}

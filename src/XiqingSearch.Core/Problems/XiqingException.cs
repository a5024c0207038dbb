namespace XiqingSearch.Core.Problems;

/// <summary>
/// Carries a <see cref="Problem"/> out of code that cannot return a <see cref="Result{T}"/> (a lazy dictionary
/// load inside a Lucene analyzer, for example). Front ends catch it and show the problem, never a stack trace.
/// </summary>
public sealed class XiqingException : Exception
{
    /// <summary>Wraps <paramref name="problem"/>; <paramref name="inner"/> keeps the technical cause for logs.</summary>
    public XiqingException(Problem problem, Exception? inner = null) : base(problem.Message, inner)
    {
        Problem = problem;
    }

    /// <summary>What went wrong, for people.</summary>
    public Problem Problem { get; }
}

namespace XiqingSearch.Cli.Commands;

/// <summary>Exit codes, as grep has them, plus one for bugs.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for <c>search</c>, at least one hit.</summary>
    public const int Success = 0;

    /// <summary><c>search</c> found nothing.</summary>
    public const int NoHits = 1;

    /// <summary>Usage, query, index or input error: the message says what to fix.</summary>
    public const int UserError = 2;

    /// <summary>An internal error (a bug): one line on standard error, no stack trace unless XIQING_DEBUG is set.</summary>
    public const int InternalError = 3;

    /// <summary><c>index --strict</c>: the index was built and committed, but a file was skipped or a document warned
    /// about. Shares 3 with <see cref="InternalError"/>: both mean "look at the output before trusting the run".</summary>
    public const int StrictFindings = 3;
}

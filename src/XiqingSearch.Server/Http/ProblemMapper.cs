namespace XiqingSearch.Server.Http;

/// <summary>
/// The one place where problems become HTTP answers: status code and <see cref="ErrorResponse"/> body.
/// Wording comes from the problem; a problem about a request value gets the HTTP name of its
/// <see cref="Problem.Parameter"/> (<see cref="ParameterNames"/>), in <c>parameter</c> and in front of the message.
/// </summary>
internal static class ProblemMapper
{
    /// <summary>
    /// The HTTP status for a problem code: the server's own codes carry theirs (<see cref="ServerProblems"/>); Core's
    /// are mapped here, by code or by area.
    /// </summary>
    public static int StatusFor(string code) => ServerProblems.StatusOf(code) ?? code switch
    {
        _ when code.StartsWith("query.", StringComparison.Ordinal) => StatusCodes.Status400BadRequest,
        ProblemCodes.BadParameter => StatusCodes.Status400BadRequest,
        ProblemCodes.NotFound => StatusCodes.Status404NotFound,
        ProblemCodes.IndexBusy => StatusCodes.Status409Conflict,
        ProblemCodes.SearchTimeout => StatusCodes.Status503ServiceUnavailable,
        ProblemCodes.IndexReadOnly or ProblemCodes.IndexPathIsFile or ProblemCodes.IndexCannotCreate
            or ProblemCodes.IndexWriteFailed => StatusCodes.Status503ServiceUnavailable,
        // The seeds the server was asked to index are bad (a GB18030 file, a FIFO, …): the request cannot be done.
        _ when code.StartsWith("ingest.", StringComparison.Ordinal) => StatusCodes.Status422UnprocessableEntity,
        ProblemCodes.IndexMissing or ProblemCodes.IndexIncompatible => StatusCodes.Status503ServiceUnavailable,
        _ when code.StartsWith("smartcn.", StringComparison.Ordinal) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The error body for <paramref name="problem"/>.</summary>
    public static ErrorResponse ToBody(Problem problem, string? parameter = null)
    {
        var isQuery = problem.Code.StartsWith("query.", StringComparison.Ordinal);
        var span = isQuery ? problem.Span : null;
        var named = problem.Parameter is { } typed ? ParameterNames.Of(typed) : null;
        return new ErrorResponse(new ErrorBody
        {
            Code = problem.Code,
            // Core words a bad value without naming it as any front end does; HTTP puts its name in front.
            Message = named is not null && problem.Code == ProblemCodes.BadParameter
                ? ServerMessages.AboutParameter(named, problem.Message)
                : problem.Message,
            Position = span?.Column,
            Offset = span?.Start,
            Length = span?.Length,
            Parameter = parameter ?? named ?? (isQuery ? "q" : null),
            Arguments = problem.Arguments,
        });
    }

    /// <summary>The HTTP answer for <paramref name="problem"/>.</summary>
    public static IResult ToResult(Problem problem, string? parameter = null) =>
        TypedResults.Json(ToBody(problem, parameter), statusCode: StatusFor(problem.Code));

    /// <summary>
    /// The answer while no index is open: always 503 (the service may become ready), with the problem that keeps
    /// it from opening (<c>server.not-ready</c> while opening, else the open or build problem).
    /// </summary>
    public static IResult Unavailable(Problem problem) =>
        TypedResults.Json(ToBody(problem), statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>A 400 naming <paramref name="parameter"/>.</summary>
    public static IResult BadParameter(string parameter, string message) =>
        ToResult(new Problem(ProblemCodes.BadParameter, message), parameter);
}

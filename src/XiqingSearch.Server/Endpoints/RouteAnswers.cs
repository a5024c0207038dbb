using System.Diagnostics.CodeAnalysis;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// What every route declares and answers the same way: its name, summary and answers as OpenAPI shows them (every
/// problem as the one error body, <see cref="ErrorResponse"/>), and 503 while no index is open.
/// </summary>
internal static class RouteAnswers
{
    /// <summary>
    /// A GET route as OpenAPI shows it: named after its <paramref name="handler"/> (the operation id, so the two never
    /// drift apart), with its summary and, where the summary is not enough, a description.
    /// </summary>
    public static RouteHandlerBuilder Get(this IEndpointRouteBuilder app, string pattern, Delegate handler, string summary,
        string? description = null)
    {
        var route = app.MapGet(pattern, handler).WithName(handler.Method.Name).WithSummary(summary);
        return description is null ? route : route.WithDescription(description);
    }

    /// <summary>Declares the route's JSON answer, <typeparamref name="T"/> with 200, and the problems it may answer instead.</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder route, params int[] problemStatuses) =>
        route.Produces<T>(StatusCodes.Status200OK, "application/json").ProducesProblems(problemStatuses);

    /// <summary>Declares that the route may answer each of <paramref name="statuses"/> with an error body.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder route, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            route.Produces<ErrorResponse>(status, "application/json");
        }
        return route;
    }

    /// <summary>
    /// The engine serving now, or the answer while there is none: always 503 (the service may become ready), with
    /// the problem that keeps an index from opening.
    /// </summary>
    public static bool TryEngine(this EngineHolder holder, [NotNullWhen(true)] out SearchEngine? engine,
        [NotNullWhen(false)] out IResult? unavailable)
    {
        var current = holder.Current;
        engine = current.IsSuccess ? current.Value : null;
        unavailable = current.IsSuccess ? null : ProblemMapper.Unavailable(current.Problems[0]);
        return current.IsSuccess;
    }
}

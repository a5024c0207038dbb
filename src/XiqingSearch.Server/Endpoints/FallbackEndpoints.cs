using XiqingSearch.Core.Problems;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Endpoints;

/// <summary>Any other URL: a JSON 404 in the error shape of every other answer, naming the routes there are.</summary>
internal static class FallbackEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapFallback((HttpContext context) => ProblemMapper.ToResult(new Problem(ProblemCodes.NotFound,
                ServerMessages.NoRoute(context.Request.Method, context.Request.Path.Value ?? "/"))))
            .ExcludeFromDescription();
}

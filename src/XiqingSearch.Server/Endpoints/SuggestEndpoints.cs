using System.Globalization;
using System.Text.Json;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Suggestions;
using XiqingSearch.Server.Auth.Callers;
using XiqingSearch.Server.Hosting;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Endpoints;

/// <summary><c>GET /api/suggest?q=天开&amp;limit=8</c>: completions for the search box, from the serving commit.</summary>
internal static class SuggestEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/suggest", Suggest)
            .WithName("Suggest")
            .WithSummary("Completes what the user has typed with phrases of the documents.")
            .WithDescription(
                "Parameters: q (what has been typed; empty gives no suggestions), limit (1..50, default 8). " +
                "Suggestions start with q (most frequent first), then contain it; each is a heading, a SmartCn word " +
                "of two or more characters or a frequent character sequence, with its occurrences in all documents.")
            .Produces<SuggestResponse>(StatusCodes.Status200OK, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable, "application/json");
    }

    private static async Task<IResult> Suggest(HttpContext context, EngineHolder holder, RouteGuard guard)
    {
        var query = context.Request.Query["q"].ToString();
        var limit = 8;
        var limitText = context.Request.Query["limit"].ToString();
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit)
            || limit is < 1 or > SearchEngine.MaxSuggestions))
        {
            return ProblemMapper.BadParameter("limit",
                $"limit must be a whole number from 1 to {SearchEngine.MaxSuggestions}, not '{limitText}'.");
        }
        var engine = holder.Current;
        if (!engine.IsSuccess)
        {
            return ProblemMapper.Unavailable(engine.Problems[0]);
        }
        return await guard.RunAsync(context, "suggest", ["q", "limit"],
            _ => JsonSerializer.SerializeToUtf8Bytes(engine.Value.Suggest(query, limit, context.Caller()), XiqingJson.Options));
    }
}

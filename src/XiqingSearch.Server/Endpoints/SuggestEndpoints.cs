using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Suggestions;
using XiqingSearch.Server.Auth.Callers;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary><c>GET /api/suggest?q=天开&amp;limit=8</c>: completions for the search box, from the serving commit.</summary>
internal static class SuggestEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.Get("/api/suggest", Suggest, "Completes what the user has typed with phrases of the documents.",
                "Parameters: q (what has been typed; empty gives no suggestions), limit (1..50, default 8). " +
                "Suggestions start with q (most frequent first), then contain it; each is a heading, a SmartCn word " +
                "of two or more characters or a frequent character sequence, with its occurrences in all documents.")
            .Answers<SuggestResponse>(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable);
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
        if (!holder.TryEngine(out var engine, out var unavailable))
        {
            return unavailable;
        }
        return await guard.RunAsync(context, "suggest", ["q", "limit"],
            _ => JsonSerializer.SerializeToUtf8Bytes(engine.Suggest(query, limit, context.Caller()), XiqingJson.Options));
    }
}

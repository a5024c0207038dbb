using System.Text.Json;
using XiqingSearch.Core.Results;
using XiqingSearch.Core.Search;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary><c>GET /api/search</c>: the result model, byte for byte what <c>xiqing search --format json</c> prints.</summary>
internal static class SearchEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search)
            .WithName("Search")
            .WithSummary("Searches the paragraphs of all documents.")
            .WithDescription(
                "Parameters: q (required, at most 500 characters), year (2024 or 2021..2023), topic, chapter " +
                "(heading path joined with ' > ', prefix match), doc, kind — each repeatable (ORed); " +
                "sort = relevance | year | document; offset (0..10000); limit (1..100, default 10). " +
                "Highlights are 0-based UTF-16 [start, end) offsets into text; snippetHighlights into snippet.")
            .Produces<SearchResponse>(StatusCodes.Status200OK, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable, "application/json");
    }

    private static IResult Search(HttpContext context, EngineHolder holder, SearchCache cache)
    {
        // Read the generation before anything else: if the commit switches meanwhile, the entry is filed under
        // the old generation and never served. Only successful answers are cached, so a cached query string
        // was valid and needs no second parse.
        var generation = holder.Generation;
        var key = context.Request.QueryString.Value ?? "";
        if (cache.Get(key, generation) is { } cached)
        {
            return TypedResults.Bytes(cached, JsonContentType);
        }

        var parsed = SearchParameters.Parse(context.Request.Query);
        if (parsed.Request is not { } request)
        {
            return ProblemMapper.ToResult(parsed.Problem!, parsed.Parameter);
        }
        var engine = holder.Current;
        if (!engine.IsSuccess)
        {
            return ProblemMapper.Unavailable(engine.Problems[0]);
        }
        var result = engine.Value.Search(request);
        if (!result.IsSuccess)
        {
            return ProblemMapper.ToResult(result.Problems[0]);
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(result.Value, XiqingJson.Options);
        cache.Put(key, generation, body);
        return TypedResults.Bytes(body, JsonContentType);
    }
}

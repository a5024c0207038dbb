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
                "sort = relevance | year | document; offset (0..10000); limit (1..100, default 10); q only once. " +
                "A query with too many phrases is 400 query.too-many-clauses; one that runs past its time budget 503 search.timeout. " +
                "Highlights are 0-based UTF-16 [start, end) offsets into text; snippetHighlights into snippet.")
            .Produces<SearchResponse>(StatusCodes.Status200OK, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status429TooManyRequests, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable, "application/json")
            .RequireRateLimiting(RateLimits.Search);
    }

    private static IResult Search(HttpContext context, EngineHolder holder, SearchCache cache, ServerSettings settings)
    {
        // Read the generation before anything else: if the commit switches meanwhile, the entry is filed under
        // the old generation and never served.
        var generation = holder.Generation;
        var parsed = SearchParameters.Parse(context.Request.Query);
        if (parsed.Request is not { } request)
        {
            return ProblemMapper.ToResult(parsed.Problem!, parsed.Parameter);
        }
        var key = SearchParameters.CacheKey(request);
        if (cache.Get(key, generation) is { } cached)
        {
            return TypedResults.Bytes(cached, JsonContentType);
        }
        var engine = holder.Current;
        if (!engine.IsSuccess)
        {
            return ProblemMapper.Unavailable(engine.Problems[0]);
        }
        Result<SearchResponse> result;
        try
        {
            result = engine.Value.Search(request, settings.QueryLimits, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody reads the answer, and the worker is free again.
            return TypedResults.Empty;
        }
        if (!result.IsSuccess)
        {
            return ProblemMapper.ToResult(result.Problems[0]);
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(result.Value, XiqingJson.Options);
        cache.Put(key, generation, body);
        return TypedResults.Bytes(body, JsonContentType);
    }
}

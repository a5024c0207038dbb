using System.Globalization;
using System.Text.Json;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Server.Hosting;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// <c>GET /api/compare</c> and <c>GET /api/new-terms</c>: the year-by-year views, byte for byte what
/// <c>xiqing compare --format json</c> and <c>xiqing new-terms --format json</c> print.
/// </summary>
internal static class AnalyticsEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/compare", Compare)
            .WithName("Compare")
            .WithSummary("Compares phrases year by year.")
            .WithDescription(
                $"Parameters: q (a phrase or query; repeat for each phrase, at most {CompareRequest.MaxPhrases}), and the " +
                "filters of /api/search: year (2024 or 2021..2023), topic, chapter, doc, kind — each repeatable (ORed); " +
                $"multiYear = {MultiYearModes.Names} (where the 2021–2025 plan counts; default first-year). Each cell " +
                "is what /api/search?q=PHRASE&year=Y counts; per10k = occurrences per 10,000 characters of that year's documents.")
            .Produces<CompareResult>(StatusCodes.Status200OK, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable, "application/json");
        app.MapGet("/api/new-terms", NewTerms)
            .WithName("NewTerms")
            .WithSummary("Terms new in a year, and terms gone from it.")
            .WithDescription(
                $"Parameters: year (required), since (first year compared with; default the first indexed), limit " +
                $"(1..{NewTermsRequest.MaxLimit}, default 20), multiYear = first-year | exclude. Each occurrence count " +
                "is what /api/search counts for the term in that year.")
            .Produces<NewTermsResult>(StatusCodes.Status200OK, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable, "application/json");
    }

    private static IResult Compare(HttpContext context, EngineHolder holder)
    {
        var query = context.Request.Query;
        var phrases = query["q"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (phrases.Count == 0)
        {
            return ProblemMapper.BadParameter("q", ServerMessages.Required("q"));
        }
        if (phrases.Count > CompareRequest.MaxPhrases)
        {
            return ProblemMapper.BadParameter("q", ServerMessages.TooMany("q", CompareRequest.MaxPhrases));
        }
        foreach (var phrase in phrases)
        {
            if (phrase.Length > SearchRequest.MaxQueryLength)
            {
                return ProblemMapper.BadParameter("q", ServerMessages.TooLong("q", SearchRequest.MaxQueryLength));
            }
        }
        var years = new List<YearRange>();
        foreach (var text in Values(query, "year"))
        {
            if (!YearRange.TryParse(text, out var range))
            {
                return ProblemMapper.BadParameter("year", ServerMessages.BadYear(text));
            }
            years.Add(range);
        }
        string[] names = ["year", "topic", "chapter", "doc", "kind"];
        foreach (var name in names)
        {
            var values = Values(query, name).ToList();
            if (values.Count > SearchParameters.MaxValues)
            {
                return ProblemMapper.BadParameter(name, ServerMessages.TooMany(name, SearchParameters.MaxValues));
            }
            if (values.Any(v => v.Length > SearchParameters.MaxValueLength))
            {
                return ProblemMapper.BadParameter(name, ServerMessages.TooLong(name, SearchParameters.MaxValueLength));
            }
        }
        if (!MultiYearModes.TryParse(query["multiYear"].ToString(), out var mode))
        {
            return ProblemMapper.BadParameter("multiYear", ServerMessages.UnknownValue("multiYear", query["multiYear"].ToString(), MultiYearModes.Names));
        }
        var engine = holder.Current;
        if (!engine.IsSuccess)
        {
            return ProblemMapper.Unavailable(engine.Problems[0]);
        }
        var result = engine.Value.Compare(new CompareRequest
        {
            Phrases = phrases,
            Years = years,
            Topics = [.. Values(query, "topic")],
            Chapters = [.. Values(query, "chapter")],
            Docs = [.. Values(query, "doc")],
            Kinds = [.. Values(query, "kind")],
            MultiYear = mode,
        });
        return result.IsSuccess
            ? TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(result.Value, XiqingJson.Options), JsonContentType)
            : ProblemMapper.ToResult(result.Problems[0], "q");
    }

    private static IResult NewTerms(HttpContext context, EngineHolder holder)
    {
        var query = context.Request.Query;
        var yearText = query["year"].ToString();
        if (yearText.Length == 0)
        {
            return ProblemMapper.BadParameter("year", ServerMessages.Required("year"));
        }
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return ProblemMapper.BadParameter("year", ServerMessages.NotAnInteger("year", yearText));
        }
        int? since = null;
        var sinceText = query["since"].ToString();
        if (sinceText.Length > 0)
        {
            if (!int.TryParse(sinceText, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                return ProblemMapper.BadParameter("since", ServerMessages.NotAnInteger("since", sinceText));
            }
            since = s;
        }
        var limit = 20;
        var limitText = query["limit"].ToString();
        if (limitText.Length > 0)
        {
            if (!int.TryParse(limitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit))
            {
                return ProblemMapper.BadParameter("limit", ServerMessages.NotAnInteger("limit", limitText));
            }
            if (limit < 1 || limit > NewTermsRequest.MaxLimit)
            {
                return ProblemMapper.BadParameter("limit", ServerMessages.OutOfRange("limit", 1, NewTermsRequest.MaxLimit));
            }
        }
        if (!MultiYearModes.TryParse(query["multiYear"].ToString(), out var mode) || mode == MultiYearMode.Own)
        {
            return ProblemMapper.BadParameter("multiYear", ServerMessages.UnknownValue("multiYear", query["multiYear"].ToString(), "first-year, exclude"));
        }
        var engine = holder.Current;
        if (!engine.IsSuccess)
        {
            return ProblemMapper.Unavailable(engine.Problems[0]);
        }
        var result = engine.Value.NewTerms(new NewTermsRequest { Year = year, Since = since, Limit = limit, MultiYear = mode });
        return result.IsSuccess
            ? TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(result.Value, XiqingJson.Options), JsonContentType)
            : ProblemMapper.ToResult(result.Problems[0], result.Problems[0].Source);
    }

    private static IEnumerable<string> Values(IQueryCollection query, string name)
    {
        foreach (var value in query[name])
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return value.Trim();
            }
        }
    }
}

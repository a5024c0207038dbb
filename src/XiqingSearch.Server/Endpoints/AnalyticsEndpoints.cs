using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using XiqingSearch.Core.Export;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Server.Auth;
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
                "is what /api/search?q=PHRASE&year=Y counts; per10k = occurrences per 10,000 characters of that year's documents. " +
                "format = json (default), csv (text/csv, the columns of `xiqing compare --format csv`, as an attachment) or docx (the table as a Word document); any other format is 400.")
            .Produces<CompareResult>(StatusCodes.Status200OK, "application/json", "text/csv")
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

    /// <summary>The values <c>format</c> takes on /api/compare.</summary>
    public static readonly IReadOnlyList<string> CompareFormats = ["json", "csv", "docx"];

    private static async Task<IResult> Compare(HttpContext context, EngineHolder holder, RouteGuard guard)
    {
        var query = context.Request.Query;
        // An unknown format is refused, never answered as JSON a client would save as something else.
        var format = query["format"].ToString();
        if (format.Length > 0 && !CompareFormats.Contains(format))
        {
            return ProblemMapper.BadParameter("format", ServerMessages.UnknownValue("format", format, string.Join(", ", CompareFormats)));
        }
        var phrases = query["q"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        // How many phrases, how long, and the filters' values: Core's rules (SearchLimits), checked by the engine.
        var years = SearchLimits.ParseYears(Values(query, "year"));
        if (!years.IsSuccess)
        {
            return ProblemMapper.ToResult(years.Problems[0]);
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
        var request = new CompareRequest
        {
            Phrases = phrases,
            Years = years.Value,
            Topics = [.. Values(query, "topic")],
            Chapters = [.. Values(query, "chapter")],
            Docs = [.. Values(query, "doc")],
            Kinds = [.. Values(query, "kind")],
            MultiYear = mode,
            Caller = context.Caller(),
        };
        string[] parameters = ["q", "year", "topic", "chapter", "doc", "kind", "multiYear"];
        if (format == "csv")
        {
            var csv = await guard.RunAsync(context, "compare-csv", parameters,
                _ => Csv(engine.Value.Compare(request)), OccurrenceCsv.ContentType);
            return Attachment(csv, "xiqing-compare.csv");
        }
        if (format == "docx")
        {
            var docx = await guard.RunAsync(context, "compare-docx", parameters,
                _ => Docx(engine.Value.Compare(request)), WordExport.ContentType);
            return Attachment(docx, "xiqing-compare.docx");
        }
        return await guard.RunAsync(context, "compare", parameters, _ => Serialize(engine.Value.Compare(request)));
    }

    private static async Task<IResult> NewTerms(HttpContext context, EngineHolder holder, RouteGuard guard)
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
        var request = new NewTermsRequest { Year = year, Since = since, Limit = limit, MultiYear = mode, Caller = context.Caller() };
        return await guard.RunAsync(context, "new-terms", ["year", "since", "limit", "multiYear"],
            _ => Serialize(engine.Value.NewTerms(request)));
    }

    private static Result<byte[]> Csv(Result<CompareResult> result)
    {
        if (!result.IsSuccess)
        {
            return Result<byte[]>.Fail(result.Problems);
        }
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        CompareCsv.Write(result.Value, text);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Result<byte[]> Docx(Result<CompareResult> result)
    {
        if (!result.IsSuccess)
        {
            return Result<byte[]>.Fail(result.Problems);
        }
        using var docx = new MemoryStream();
        WordExport.WriteCompare(result.Value, docx);
        return docx.ToArray();
    }

    /// <summary>A file answer offered for saving under <paramref name="name"/>; an error answer stays as it is.</summary>
    internal static IResult Attachment(IResult result, string name) => result is FileContentHttpResult file
        ? TypedResults.Bytes(file.FileContents, file.ContentType, name)
        : result;

    private static Result<byte[]> Serialize<T>(Result<T> result) => result.IsSuccess
        ? JsonSerializer.SerializeToUtf8Bytes(result.Value, XiqingJson.Options)
        : Result<byte[]>.Fail(result.Problems);

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

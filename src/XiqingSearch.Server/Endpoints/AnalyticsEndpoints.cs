using Microsoft.AspNetCore.Http.HttpResults;
using XiqingSearch.Core.Export;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Server.Auth;
using XiqingSearch.Server.Auth.Callers;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// <c>GET /api/compare</c> and <c>GET /api/new-terms</c>: the year-by-year views, byte for byte what
/// <c>xiqing compare --format json</c> and <c>xiqing new-terms --format json</c> print.
/// </summary>
internal static class AnalyticsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.Get("/api/compare", Compare, "Compares phrases year by year.",
                $"Parameters: q (a phrase or query; repeat for each phrase, at most {CompareRequest.MaxPhrases}), and the " +
                $"filters of /api/search: {FilterNames(RequestDeclarations.Filters)} — each repeatable (ORed); " +
                $"multiYear = {MultiYearModes.Names} (where the 2021–2025 plan counts; default first-year). Each cell " +
                "is what /api/search?q=PHRASE&year=Y counts; per10k = occurrences per 10,000 characters of that year's documents. " +
                "format = json (default), csv (text/csv, the columns of `xiqing compare --format csv`, as an attachment) or docx (the table as a Word document); any other format is 400.")
            .Produces<CompareResult>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable);
        app.Get("/api/new-terms", NewTerms, "Terms new in a year, and terms gone from it.",
                $"Parameters: year (required), since (first year compared with; default the first indexed), limit " +
                $"(1..{NewTermsRequest.MaxLimit}, default {NewTermsRequest.DefaultLimit}), multiYear = first-year | exclude, and the filters of " +
                $"/api/search but the year: {FilterNames(RequestDeclarations.FiltersWithoutYear)} (the terms come from the paragraphs they keep). " +
                "Each occurrence count is what /api/search counts for the term in that year with the same filters.")
            .Answers<NewTermsResult>(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);
    }

    private static string FilterNames(IEnumerable<FilterDeclaration> filters) => string.Join(", ", filters.Select(f => f.Parameter.Name));

    /// <summary>The values <c>format</c> takes on /api/compare.</summary>
    public static readonly IReadOnlyList<string> CompareFormats = ["json", "csv", "docx"];

    // The parameters an answer depends on (its cache key), from the declarations: a filter added there is in the key.
    private static readonly string[] CompareParameters =
        [.. AnalyticsDeclarations.Compare.Select(p => p.Name), .. RequestDeclarations.Filters.Select(f => f.Parameter.Name)];

    private static readonly string[] NewTermsParameters =
        [.. AnalyticsDeclarations.NewTerms.Select(p => p.Name), .. RequestDeclarations.FiltersWithoutYear.Select(f => f.Parameter.Name)];

    private static async Task<IResult> Compare(HttpContext context, EngineHolder holder, RouteGuard guard)
    {
        var query = context.Request.Query;
        // An unknown format is refused, never answered as JSON a client would save as something else.
        var format = query["format"].ToString();
        if (format.Length > 0 && !CompareFormats.Contains(format))
        {
            return ProblemMapper.ToResult(RequestDeclarations.Unknown(RequestParameter.Format, format, CompareFormats));
        }
        var phrases = query[AnalyticsDeclarations.Phrases.Name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        // How many phrases, how long, and the filters' values: Core's rules (SearchLimits), checked by the engine.
        var filters = FilterDeclaration.Read(declaration => SearchParameters.Values(query, declaration.Name));
        if (!filters.IsSuccess)
        {
            return ProblemMapper.ToResult(filters.Problems[0]);
        }
        var mode = AnalyticsDeclarations.ParseMultiYear(AnalyticsDeclarations.CompareMultiYear, query[AnalyticsDeclarations.CompareMultiYear.Name].ToString());
        if (!mode.IsSuccess)
        {
            return ProblemMapper.ToResult(mode.Problems[0]);
        }
        if (!holder.TryEngine(out var engine, out var unavailable))
        {
            return unavailable;
        }
        var request = new CompareRequest
        {
            Phrases = phrases,
            Filters = filters.Value,
            MultiYear = mode.Value,
            Caller = context.Caller(),
        };
        var parameters = CompareParameters;
        if (format == "csv")
        {
            var csv = await guard.RunAsync(context, "compare-csv", parameters,
                _ => Csv(engine.Compare(request)), OccurrenceCsv.ContentType);
            return Attachment(csv, "xiqing-compare.csv");
        }
        if (format == "docx")
        {
            var docx = await guard.RunAsync(context, "compare-docx", parameters,
                _ => Docx(engine.Compare(request)), WordExport.ContentType);
            return Attachment(docx, "xiqing-compare.docx");
        }
        return await guard.RunAsync(context, "compare", parameters, _ => Serialize(engine.Compare(request)));
    }

    private static async Task<IResult> NewTerms(HttpContext context, EngineHolder holder, RouteGuard guard)
    {
        var query = context.Request.Query;
        var yearText = query[AnalyticsDeclarations.NewTermsYear.Name].ToString();
        if (yearText.Length == 0)
        {
            return ProblemMapper.BadParameter("year", ServerMessages.Required("year"));
        }
        var year = AnalyticsDeclarations.NewTermsYear.ParseInteger(yearText);
        var since = AnalyticsDeclarations.Since.ParseInteger(query[AnalyticsDeclarations.Since.Name].ToString());
        var limit = AnalyticsDeclarations.NewTermsLimit.ParseInteger(query[AnalyticsDeclarations.NewTermsLimit.Name].ToString());
        var mode = AnalyticsDeclarations.ParseMultiYear(AnalyticsDeclarations.NewTermsMultiYear, query[AnalyticsDeclarations.NewTermsMultiYear.Name].ToString());
        var filters = FilterDeclaration.Read(declaration => SearchParameters.Values(query, declaration.Name), RequestDeclarations.FiltersWithoutYear);
        if (new[] { year.Problems, since.Problems, limit.Problems, mode.Problems, filters.Problems }.SelectMany(p => p).FirstOrDefault() is { } problem)
        {
            return ProblemMapper.ToResult(problem);
        }
        if (!holder.TryEngine(out var engine, out var unavailable))
        {
            return unavailable;
        }
        var request = new NewTermsRequest
        {
            Year = year.Value,
            Since = query[AnalyticsDeclarations.Since.Name].ToString().Trim().Length > 0 ? since.Value : null,
            Limit = limit.Value,
            MultiYear = mode.Value,
            Filters = filters.Value,
            Caller = context.Caller(),
        };
        return await guard.RunAsync(context, "new-terms", NewTermsParameters,
            _ => Serialize(engine.NewTerms(request)));
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
}

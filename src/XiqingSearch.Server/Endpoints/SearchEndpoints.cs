using XiqingSearch.Core.Export;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Server.Auth;
using XiqingSearch.Server.Auth.Callers;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary><c>GET /api/search</c>: the result model, byte for byte what <c>xiqing search --format json</c> prints.</summary>
internal static class SearchEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.Get("/api/search", Search, "Searches the paragraphs of all documents.",
                "Every occurrence of every matching paragraph, highlighted. Filters repeat (ORed); different filters are " +
                "ANDed; facet counts are multi-select (each facet ignores its own filter). Highlights are 0-based " +
                "UTF-16 [start, end) offsets into text; snippetHighlights into snippet. format=csv exports every " +
                "occurrence of every hit as text/csv, format=docx every hit as a Word document with every occurrence highlighted " +
                "(either past Xiqing:Answers:MaxCsvRows occurrences: 413 answer.too-large). A query with too many phrases is 400 query.too-many-clauses; one that runs past its " +
                "time budget 503 search.timeout.")
            .Answers<SearchResponse>(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status429TooManyRequests,
                StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(RateLimits.Search)
            // Facets and a first page, a later page in another order, a filtered longer page.
            .WithMetadata(new WarmUpRequests("?q=" + WarmUpRequests.Phrase, "?q=" + WarmUpRequests.Phrase + "&offset=10&sort=year",
                "?q=" + WarmUpRequests.Phrase + "&limit=20&year=2024"));
    }

    private static async Task<IResult> Search(HttpContext context, EngineHolder holder, SearchCache cache, ServerSettings settings,
        RouteGuard guard)
    {
        var format = context.Request.Query["format"].ToString();
        if (format is not ("" or "json" or "csv" or "docx"))
        {
            return ProblemMapper.ToResult(RequestDeclarations.Unknown(RequestParameter.Format, format, ["json", "csv", "docx"]));
        }
        if (format is "csv" or "docx")
        {
            return await ExportAsync(context, holder, settings, guard, format);
        }
        // Read the generation before anything else: if the commit switches meanwhile, the entry is filed under
        // the old generation and never served.
        var generation = holder.Generation;
        var parsed = SearchParameters.Parse(context.Request.Query);
        if (parsed.Request is not { } request)
        {
            return ProblemMapper.ToResult(parsed.Problem!, parsed.Parameter);
        }
        if (!holder.TryEngine(out var engine, out var unavailable))
        {
            return unavailable;
        }
        request = request with { Caller = context.Caller() };
        // The start-up warm-up's requests neither read nor fill the cache: it holds what clients asked for. The key
        // names what the caller may see, so no answer crosses to a caller who may see less.
        var key = ServerWarmUp.IsWarmUp(context) ? null
            : engine.VisibilityKey(request.Caller) + "\n" + SearchParameters.CacheKey(request);
        if (key is not null && cache.Get(key, generation) is { } cached)
        {
            AuditLog.NoteAnswer(context, cached);
            return TypedResults.Bytes(cached, JsonContentType);
        }
        Result<SearchResponse> result;
        try
        {
            result = engine.Search(request, settings.QueryLimits, context.RequestAborted);
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
        if (key is not null)
        {
            cache.Put(key, generation, body);
        }
        AuditLog.NoteAnswer(context, body);
        return TypedResults.Bytes(body, JsonContentType);
    }

    /// <summary>
    /// <c>format=csv</c>: every occurrence of every hit (offset and limit do not apply: an export is never one
    /// page), as <c>xiqing search --format csv</c> writes it. Not cached: exports are rare and can be large. Bounded:
    /// the query runs once on one commit (<see cref="SearchEngine.Export"/>), and an export of more than
    /// <c>Xiqing:Answers:MaxCsvRows</c> rows is 413 <c>answer.too-large</c> (naming both numbers) before any text is
    /// read or written; the hits' text is then read a batch at a time and the rows streamed in chunks, so the server
    /// holds the sort keys of the hits, one batch and one chunk, never the hits' text nor the CSV; at most
    /// <c>Xiqing:Routes:MaxConcurrent</c> exports run at once (503 <c>server.busy</c> with Retry-After).
    /// </summary>
    /// <remarks>
    /// <c>format=docx</c> is the same export as a Word document (Core's <see cref="WordExport"/>: the query and
    /// filters at the top, every hit with its title, year, chapter and page, every occurrence highlighted), under the
    /// same bound (<c>Xiqing:Answers:MaxCsvRows</c> occurrences) and slots; a .docx is a zip, made whole in memory
    /// before it is sent.
    /// </remarks>
    private static async Task<IResult> ExportAsync(HttpContext context, EngineHolder holder, ServerSettings settings, RouteGuard guard,
        string format)
    {
        var parsed = SearchParameters.Parse(context.Request.Query);
        if (parsed.Request is not { } request)
        {
            return ProblemMapper.ToResult(parsed.Problem!, parsed.Parameter);
        }
        if (!holder.TryEngine(out var engine, out var unavailable))
        {
            return unavailable;
        }
        request = request with { Caller = context.Caller() };
        using var slot = guard.TrySlot(context, "export", out var refused);
        if (slot is null)
        {
            return refused!;
        }
        if (format == "docx")
        {
            return Docx(context, engine, settings, request);
        }
        Result<SearchExport> export;
        try
        {
            // One run of the query on one commit: the count decides, then the same run's hits are streamed.
            export = engine.Export(request, settings.QueryLimits, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return TypedResults.Empty;
        }
        if (!export.IsSuccess)
        {
            return ProblemMapper.ToResult(export.Problems[0]);
        }
        using var hits = export.Value;
        if (hits.Summary.TotalOccurrences > settings.MaxCsvRows)
        {
            return TooLarge(hits.Summary.TotalOccurrences, settings.MaxCsvRows);
        }
        var response = context.Response;
        response.ContentType = OccurrenceCsv.ContentType;
        response.Headers.ContentDisposition = "attachment; filename=\"xiqing-search.csv\"; filename*=UTF-8''" +
            Uri.EscapeDataString(FileName(request.Query) + ".csv");
        using var chunk = new StringWriter(CultureInfo.InvariantCulture);
        chunk.Write('\uFEFF');
        try
        {
            // Each batch of hits is read from the commit as the rows before it are sent: the server holds one
            // batch and one chunk of an export, whatever its size.
            foreach (var record in OccurrenceCsv.Records(hits.Hits(context.RequestAborted)))
            {
                OccurrenceCsv.WriteRecord(chunk, record);
                if (chunk.GetStringBuilder().Length >= ChunkChars)
                {
                    await WriteChunkAsync(response, chunk, context.RequestAborted);
                }
            }
            await WriteChunkAsync(response, chunk, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-download.
        }
        return TypedResults.Empty;
    }

    // A .docx is a zip written whole before it is sent: bounded by the same row limit, built in memory up to it.
    private static IResult Docx(HttpContext context, SearchEngine engine, ServerSettings settings, SearchRequest request)
    {
        Result<SearchResponse> result;
        try
        {
            // The count: one hit kept, every occurrence counted.
            var count = engine.Search(request with { All = false, Offset = 0, Limit = 1 }, settings.QueryLimits, context.RequestAborted);
            if (!count.IsSuccess)
            {
                return ProblemMapper.ToResult(count.Problems[0]);
            }
            if (count.Value.TotalOccurrences > settings.MaxCsvRows)
            {
                return TooLarge(count.Value.TotalOccurrences, settings.MaxCsvRows);
            }
            result = engine.Search(request with { All = true, Offset = 0 }, settings.QueryLimits, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return TypedResults.Empty;
        }
        if (!result.IsSuccess)
        {
            return ProblemMapper.ToResult(result.Problems[0]);
        }
        using var docx = new MemoryStream();
        WordExport.WriteHits(request, result.Value, docx);
        return TypedResults.Bytes(docx.ToArray(), WordExport.ContentType, FileName(request.Query) + ".docx");
    }

    private static IResult TooLarge(int rows, int limit) =>
        ProblemMapper.ToResult(new Problem(ServerProblems.AnswerTooLarge, ServerMessages.ExportTooLarge(rows, limit))
        {
            Arguments = new Dictionary<string, string>
            {
                ["rows"] = rows.ToString(CultureInfo.InvariantCulture),
                ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
            },
        });

    // Characters of CSV gathered before they are sent.
    private const int ChunkChars = 32 * 1024;

    private static async Task WriteChunkAsync(HttpResponse response, StringWriter chunk, CancellationToken cancellationToken)
    {
        var text = chunk.GetStringBuilder();
        if (text.Length == 0)
        {
            return;
        }
        await response.WriteAsync(text.ToString(), Encoding.UTF8, cancellationToken);
        text.Clear();
    }

    // The query as a file name: characters no file system allows become '_'.
    private static string FileName(string query)
    {
        var name = new StringBuilder();
        foreach (var c in query.Trim())
        {
            name.Append(c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) ? '_' : c);
            if (name.Length >= 60)
            {
                break;
            }
        }
        return name.Length == 0 ? "xiqing-search" : name.ToString();
    }
}

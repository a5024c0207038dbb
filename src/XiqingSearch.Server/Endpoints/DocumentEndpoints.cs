using System.Text.Json.Nodes;
using XiqingSearch.Server.Auth;
using XiqingSearch.Server.Auth.Callers;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary>The corpus itself: documents, a paragraph in context, facet counts of everything.</summary>
internal static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.Get("/api/documents", Documents, "The indexed documents: id, title, year (null: unknown) and where it was read, period, number, issuer, dates, source URL, copies, warnings, paragraph counts; then the skipped files.")
            .Answers<IReadOnlyList<DocumentSummary>>(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new WarmUpRequests());

        app.Get("/api/documents/{doc}", Document, "A whole document: metadata and every paragraph in reading order, with the occurrences of q (optional) highlighted.")
            .Answers<DocumentView>(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status503ServiceUnavailable);

        app.Get("/api/documents/{doc}/paragraphs/{n}", Paragraph, "A paragraph (1-based n) with up to `context` neighbours each side (default 2, at most 20) and its chapter path.")
            .Answers<ParagraphContext>(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        app.Get("/api/documents/{doc}/outline", Outline, "The document's table of contents: its headings as a tree, each with its paragraph number (where the document opens) and level, children nested.")
            .Answers<DocumentOutline>(StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);

        app.Get("/api/documents/{doc}/original", Original, "The document's source file as it is in the seeds folder (or one of its copies, `file`): a PDF inline, anything else as an attachment.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);

        // A document in a subfolder of the seeds has an id with '/', whose segments are path segments here: these
        // routes take them (the ones above take an id of one segment, or with '/' sent as %2F).
        app.MapGet("/api/documents/{first}/{**rest}", NestedDocument).ExcludeFromDescription();

        app.Get("/api/facets", Facets, "Paragraph counts per facet value (year, topic, chapter, doc, type, issuer) over the whole corpus.",
                "Each value has count, the paragraphs with that value. There is no query, so there is nothing " +
                "whose occurrences could be counted: unlike /api/search's facets, values carry no occurrences field.")
            .Answers<SearchFacets>(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new WarmUpRequests());
    }

    private static IResult Documents(HttpContext context, EngineHolder holder)
    {
        return holder.TryEngine(out var engine, out var unavailable)
            ? TypedResults.Ok(engine.Documents(context.Caller()))
            : unavailable;
    }

    /// <summary>
    /// <c>/api/documents/a/b</c>, <c>…/a/b/paragraphs/3</c>, <c>…/a/b/original</c>: the id is the path, less a
    /// trailing <c>paragraphs/{n}</c> or <c>original</c> when what precedes it is a document (so a document whose own
    /// id ends in <c>/original</c> is still reached when no document is named by the rest).
    /// </summary>
    private static async Task<IResult> NestedDocument(string first, string rest, HttpContext context, EngineHolder holder,
        ServerSettings settings, RouteGuard guard)
    {
        var path = first + "/" + rest;
        if (!holder.TryEngine(out var engine, out var unavailable))
        {
            return unavailable;
        }
        var segments = path.Split('/');
        bool IsDocument(string id) => engine.HasDocument(id, context.Caller());
        if (segments.Length >= 2 && segments[^1] == "original")
        {
            var doc = string.Join('/', segments[..^1]);
            if (IsDocument(doc))
            {
                return Original(doc, context, holder);
            }
        }
        if (segments.Length >= 2 && segments[^1] == "outline")
        {
            var doc = string.Join('/', segments[..^1]);
            if (IsDocument(doc))
            {
                return Outline(doc, context, holder);
            }
        }
        if (segments.Length >= 3 && segments[^2] == "paragraphs")
        {
            var doc = string.Join('/', segments[..^2]);
            if (IsDocument(doc))
            {
                return Paragraph(doc, segments[^1], context, holder);
            }
        }
        return await Document(path, context, holder, settings, guard);
    }

    /// <summary>An id from a route value: '/' may come percent-encoded (the server leaves %2F encoded in the path).</summary>
    private static string IdOf(string doc) => doc.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static IResult Original(string doc, HttpContext context, EngineHolder holder)
    {
        if (!holder.TryEngine(out var engine, out var unavailable))
        {
            return unavailable;
        }
        var file = context.Request.Query["file"].ToString();
        var found = engine.OriginalFile(IdOf(doc), file.Length == 0 ? null : file, context.Caller());
        if (!found.IsSuccess)
        {
            return ProblemMapper.ToResult(found.Problems[0]);
        }
        var original = found.Value;
        var type = OriginalContentType.Of(original.FileName);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (!type.Inline)
        {
            // Whatever the browser would render (HTML, SVG, Markdown, text) is downloaded, never shown as a page of
            // this origin, and a sandbox takes script and same-origin rights from it should it be shown anyway.
            headers.ContentSecurityPolicy = "sandbox";
        }
        else
        {
            // A PDF is shown by the browser's own viewer, which a sandbox (or the page's object-src 'none') would
            // block; the viewer runs no script of this origin.
            headers.ContentSecurityPolicy = "frame-ancestors 'self'";
            headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline")
            {
                FileNameStar = Path.GetFileName(original.FileName),
            }.ToString();
        }
        return TypedResults.PhysicalFile(original.Path, type.ContentType, type.Inline ? null : Path.GetFileName(original.FileName),
            enableRangeProcessing: true);
    }

    private static async Task<IResult> Document(string doc, HttpContext context, EngineHolder holder, ServerSettings settings,
        RouteGuard guard)
    {
        doc = IdOf(doc);
        // The query's bounds are the search's own (SearchLimits), checked by the engine.
        var q = context.Request.Query["q"].ToString();
        if (!holder.TryEngine(out var engine, out var unavailable))
        {
            return unavailable;
        }
        return await guard.RunAsync(context, "document", ["q"], _ =>
        {
            var result = engine.GetDocument(doc, q, context.Caller());
            if (!result.IsSuccess)
            {
                return Result<byte[]>.Fail(result.Problems);
            }
            // Bounded before it is written: a document past the limit is refused whole, never cut short.
            var characters = result.Value.Paragraphs.Sum(p => (long)p.Text.Length);
            if (characters > settings.MaxDocumentCharacters)
            {
                return new Problem(ServerProblems.AnswerTooLarge, ServerMessages.DocumentTooLarge(characters, settings.MaxDocumentCharacters))
                {
                    Arguments = new Dictionary<string, string>
                    {
                        ["characters"] = characters.ToString(CultureInfo.InvariantCulture),
                        ["limit"] = settings.MaxDocumentCharacters.ToString(CultureInfo.InvariantCulture),
                    },
                };
            }
            return JsonSerializer.SerializeToUtf8Bytes(result.Value, XiqingJson.Options);
        });
    }

    private static IResult Paragraph(string doc, string n, HttpContext context, EngineHolder holder)
    {
        doc = IdOf(doc);
        if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var paragraph) || paragraph < 1)
        {
            return ProblemMapper.BadParameter("n", ServerMessages.OutOfRange("n", 1, int.MaxValue));
        }
        var contextText = context.Request.Query["context"].ToString();
        var neighbours = SearchLimits.DefaultContext;
        if (contextText.Length > 0 && !int.TryParse(contextText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out neighbours))
        {
            return ProblemMapper.BadParameter("context", ServerMessages.NotAnInteger("context", contextText));
        }
        if (!holder.TryEngine(out var engine, out var unavailable))
        {
            return unavailable;
        }
        var result = engine.GetParagraph(doc, paragraph, neighbours, context.Caller());
        return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemMapper.ToResult(result.Problems[0]);
    }

    private static IResult Outline(string doc, HttpContext context, EngineHolder holder)
    {
        if (!holder.TryEngine(out var engine, out var unavailable))
        {
            return unavailable;
        }
        var result = engine.Outline(IdOf(doc), context.Caller());
        return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemMapper.ToResult(result.Problems[0]);
    }

    private static IResult Facets(HttpContext context, EngineHolder holder)
    {
        return holder.TryEngine(out var engine, out var unavailable)
            ? TypedResults.Bytes(CorpusFacetsJson(engine.CorpusFacets(context.Caller())), "application/json; charset=utf-8")
            : unavailable;
    }

    /// <summary>
    /// The corpus's facets without <c>occurrences</c>: occurrences are of a query, and here there is none, so a
    /// field that could only say 0 is left out rather than read as "never occurs".
    /// </summary>
    internal static byte[] CorpusFacetsJson(SearchFacets facets)
    {
        var json = JsonSerializer.SerializeToNode(facets, XiqingJson.Options)!.AsObject();
        foreach (var (_, values) in json)
        {
            foreach (var value in values as JsonArray ?? [])
            {
                (value as JsonObject)?.Remove("occurrences");
            }
        }
        return JsonSerializer.SerializeToUtf8Bytes(json, XiqingJson.Options);
    }
}

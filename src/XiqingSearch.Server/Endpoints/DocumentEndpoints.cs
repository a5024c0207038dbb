using System.Globalization;
using System.Text.Json;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Server.Hosting;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Endpoints;

/// <summary>The corpus itself: documents, a paragraph in context, facet counts of everything.</summary>
internal static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/documents", Documents)
            .WithName("Documents")
            .WithSummary("The indexed documents: id, title, year, period, paragraph counts.")
            .Produces<IReadOnlyList<DocumentSummary>>(StatusCodes.Status200OK, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable, "application/json");

        app.MapGet("/api/documents/{doc}", Document)
            .WithName("Document")
            .WithSummary("A whole document: metadata and every paragraph in reading order, with the occurrences of q (optional) highlighted.")
            .Produces<DocumentView>(StatusCodes.Status200OK, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status413PayloadTooLarge, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable, "application/json");

        app.MapGet("/api/documents/{doc}/paragraphs/{n}", Paragraph)
            .WithName("Paragraph")
            .WithSummary("A paragraph (1-based n) with up to `context` neighbours each side (default 2, at most 20) and its chapter path.")
            .Produces<ParagraphContext>(StatusCodes.Status200OK, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound, "application/json");

        app.MapGet("/api/facets", Facets)
            .WithName("Facets")
            .WithSummary("Facet counts (year, topic, chapter, doc) over the whole corpus; occurrences are 0.")
            .Produces<SearchFacets>(StatusCodes.Status200OK, "application/json")
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable, "application/json");
    }

    private static IResult Documents(EngineHolder holder)
    {
        var engine = holder.Current;
        return engine.IsSuccess
            ? TypedResults.Ok(engine.Value.Documents())
            : ProblemMapper.Unavailable(engine.Problems[0]);
    }

    private static async Task<IResult> Document(string doc, HttpContext context, EngineHolder holder, ServerSettings settings,
        RouteGuard guard)
    {
        // The query's bounds are the search's own (SearchLimits), checked by the engine.
        var q = context.Request.Query["q"].ToString();
        var engine = holder.Current;
        if (!engine.IsSuccess)
        {
            return ProblemMapper.Unavailable(engine.Problems[0]);
        }
        return await guard.RunAsync(context, "document", ["q"], _ =>
        {
            var result = engine.Value.GetDocument(doc, q);
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
        var engine = holder.Current;
        if (!engine.IsSuccess)
        {
            return ProblemMapper.Unavailable(engine.Problems[0]);
        }
        var result = engine.Value.GetParagraph(doc, paragraph, neighbours);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : ProblemMapper.ToResult(result.Problems[0]);
    }

    private static IResult Facets(EngineHolder holder)
    {
        var engine = holder.Current;
        return engine.IsSuccess
            ? TypedResults.Ok(engine.Value.CorpusFacets())
            : ProblemMapper.Unavailable(engine.Problems[0]);
    }
}

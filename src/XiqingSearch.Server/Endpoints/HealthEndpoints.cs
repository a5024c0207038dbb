using XiqingSearch.Server.Auth;
using XiqingSearch.Server.Auth.Callers;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// Probes: <c>/healthz</c> says the process answers (also the trivial endpoint the load benchmark compares
/// search with); <c>/readyz</c> says the index is open and answers a lookup.
/// </summary>
internal static class HealthEndpoints
{
    private static readonly byte[] Alive = "{\"status\":\"alive\"}"u8.ToArray();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Bytes(Alive, "application/json; charset=utf-8"))
            .WithName("Health")
            .WithSummary("Alive: the process answers.")
            .Produces<HealthStatus>(StatusCodes.Status200OK, "application/json");

        app.Get("/readyz", Ready, "Ready: the index is open and searchable; 503 with the reason otherwise.")
            .Answers<HealthStatus>(StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult Ready(HttpContext context, EngineHolder holder)
    {
        var engine = holder.Current;
        var progress = BuildProgressView.Of(holder.BuildProgress);
        if (!engine.IsSuccess)
        {
            // No commit to serve yet: while the first build runs, say how far it has got.
            return holder.IsBuilding
                ? TypedResults.Json(new NotReadyResponse(ProblemMapper.ToBody(engine.Problems[0]).Error, true, progress),
                    XiqingJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable)
                : ProblemMapper.Unavailable(engine.Problems[0]);
        }
        // Ready when the index has documents, whoever asks; the counts are what the caller may see (counted, not
        // listed: a probe polled during start-up must not take the cores the open and the warm-up need).
        var counts = engine.Value.CountDocuments(context.Caller());
        if (counts.Served == 0 || !holder.IsWarm)
        {
            return ProblemMapper.ToResult(new Problem(ServerProblems.NotReady, ServerMessages.IndexOpening));
        }
        // Counts only: a probe is unauthenticated, so it names no file; /api/documents lists them.
        // Ready, but perhaps out of date: a refused rebuild (a bad seed, a read-only index folder) is told by its codes.
        var refused = holder.Warnings;
        return TypedResults.Ok(new HealthStatus("ready", counts.Documents, holder.Generation)
        {
            Skipped = counts.Skipped,
            Warnings = counts.Warnings,
            RebuildRefused = refused.Count == 0 ? null : [.. refused.Select(w => w.Code).Distinct(StringComparer.Ordinal)],
            Building = holder.IsBuilding ? true : null,
            WarmingUp = holder.IsWarmingUp ? true : null,
            Progress = progress,
        });
    }
}

/// <summary>A probe's answer.</summary>
/// <param name="Status"><c>alive</c> or <c>ready</c>.</param>
/// <param name="Documents">Documents in the served index (readiness only).</param>
/// <param name="Generation">Increases whenever the served commit may have changed (readiness only).</param>
public sealed record HealthStatus(string Status,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    int? Documents = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    long? Generation = null)
{
    /// <summary>Documents left out as unreadable (readiness only).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? Skipped { get; init; }

    /// <summary>Warnings about how documents were read, in all (readiness only; <c>/api/documents</c> lists them).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? Warnings { get; init; }

    /// <summary>Why the served commit may be out of date: the codes of the last refused rebuild's problems (the log
    /// and <c>POST /api/admin/reindex</c> tell the details).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? RebuildRefused { get; init; }

    /// <summary>True while the index is rebuilt behind the commit that serves (absent otherwise).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? Building { get; init; }

    /// <summary>True while the server still warms up in the background (absent otherwise): it answers, the same
    /// answers, only some first searches more slowly. Ready does not wait longer than <c>Xiqing:WarmUpSeconds</c>
    /// for it.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? WarmingUp { get; init; }

    /// <summary>How far that rebuild has got.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public BuildProgressView? Progress { get; init; }
}

/// <summary><c>/readyz</c> while the first build runs (503): why not ready, and the build's progress.</summary>
public sealed record NotReadyResponse(ErrorBody Error, bool Building, BuildProgressView? Progress);

/// <summary>A running build's progress: the stage, files and bytes done of all, paragraphs so far, and while a scan is
/// recognised its OCR pages done of its pages. Counts only: the probe is unauthenticated and names no file.</summary>
public sealed record BuildProgressView(string Stage, int FilesDone, int FilesTotal, int Paragraphs, long BytesDone,
    long BytesTotal, double ElapsedSeconds)
{
    /// <summary>Pages of the scan being recognised that are done; absent when no OCR page was the last report.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? OcrPagesDone { get; init; }

    /// <summary>Pages of the scan being recognised; absent with <see cref="OcrPagesDone"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? OcrPagesTotal { get; init; }

    internal static BuildProgressView? Of(XiqingSearch.Core.Indexing.IndexProgress? progress) => progress is { } p
        ? new BuildProgressView(p.Stage, p.FilesDone, p.FilesTotal, p.Paragraphs, p.BytesDone, p.BytesTotal,
            Math.Round(p.Elapsed.TotalSeconds, 1))
        {
            OcrPagesDone = p.OcrFile is null ? null : p.OcrPagesDone,
            OcrPagesTotal = p.OcrFile is null ? null : p.OcrPagesTotal,
        }
        : null;
}

using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// Where the index and its sources live. Front ends fill it from the settings
/// (<see cref="Configuration.ResolvedSettings.ToIndexOptions"/>).
/// </summary>
public sealed record IndexOptions
{
    /// <summary>Index folder (default <c>index</c>, relative to the current directory).</summary>
    public string IndexDirectory { get; init; } = "index";

    /// <summary>Seeds folder (default <c>seeds</c>, relative to the current directory).</summary>
    public string SeedsDirectory { get; init; } = "seeds";

    /// <summary>A Java Lucene SmartCn jar to read the dictionaries from; null means the dictionaries of the
    /// <c>Lucene.Net.Analysis.SmartCn</c> package.</summary>
    public string? SmartCnJar { get; init; }

    /// <summary>The bounds every reader keeps (the <c>ingestion:…</c> settings); a file over one is skipped and named.</summary>
    public IngestLimits IngestLimits { get; init; } = IngestLimits.Default;

    /// <summary>
    /// How long a build waits for another build of the same index folder (another process) to finish before it
    /// gives up with <c>index.busy</c>. Zero (the default) gives up at once.
    /// </summary>
    public TimeSpan BuildLockWait { get; init; }

    /// <summary>OCR of scanned pages and images (off by default); see <c>Ingestion/Ocr/README.md</c>.</summary>
    public Ingestion.Ocr.OcrOptions Ocr { get; init; } = Ingestion.Ocr.OcrOptions.Disabled;

    /// <summary>Told once when a build starts waiting for another build's lock (for a progress line).</summary>
    public Action<string>? OnBuildLockWait { get; init; }

    /// <summary>
    /// Index every file on its own even when two have the same text (never for people: the format readers' tests
    /// compare one document read from several formats side by side).
    /// </summary>
    internal bool KeepCopiesApart { get; init; }
}

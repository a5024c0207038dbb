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

    /// <summary>
    /// How long a build waits for another build of the same index folder (another process) to finish before it
    /// gives up with <c>index.busy</c>. Zero (the default) gives up at once.
    /// </summary>
    public TimeSpan BuildLockWait { get; init; }

    /// <summary>OCR of scanned pages and images (off by default); see <c>Ingestion/Ocr/README.md</c>.</summary>
    public Ingestion.Ocr.OcrOptions Ocr { get; init; } = Ingestion.Ocr.OcrOptions.Disabled;

    /// <summary>Told once when a build starts waiting for another build's lock (for a progress line).</summary>
    public Action<string>? OnBuildLockWait { get; init; }
}

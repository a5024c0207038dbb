using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace XiqingSearch.Core.Ingestion.Ocr;

/// <summary>
/// OCR for one build (or one process): finds the tools once, bounds how many pages are recognised at once across
/// every document of the build (one per core: each Tesseract runs one thread), keeps the cache, and counts what it
/// did. Each document gets an <see cref="OcrSession"/>.
/// </summary>
public sealed class OcrEngine
{
    private static readonly ConcurrentDictionary<OcrOptions, OcrEngine> s_shared = new();

    // Who is told of each page in this flow of control (a build, and within it one pass over the files). The engine
    // is shared by every build of the process, so a build's counts and progress cannot live on the engine; the
    // flow-local chain reaches the build's own threads (threads and Parallel.ForEach carry the execution context).
    private static readonly AsyncLocal<PageObserver?> s_observers = new();

    private readonly Lazy<(string? Tesseract, string? Pdftoppm, string Version, string? Problem)> _tools;
    private int _recognized;
    private int _fromCache;
    private int _skipped;

    public OcrEngine(OcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Cache = new OcrCache(options.CacheDirectory);
        Gate = new SemaphoreSlim(Math.Max(1, options.MaxParallelPages));
        _tools = new Lazy<(string?, string?, string, string?)>(FindTools, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>One engine per distinct options in this process, so the parallel bound holds across builds.</summary>
    public static OcrEngine? For(OcrOptions options) =>
        options is { Enabled: true } ? s_shared.GetOrAdd(options, o => new OcrEngine(o)) : null;

    public OcrOptions Options { get; }

    /// <summary>Pages Tesseract recognised (not from the cache).</summary>
    public int PagesRecognized => Volatile.Read(ref _recognized);

    /// <summary>Pages whose text came from the cache.</summary>
    public int PagesFromCache => Volatile.Read(ref _fromCache);

    /// <summary>Pages skipped (timeout, a tool's failure).</summary>
    public int PagesSkipped => Volatile.Read(ref _skipped);

    internal OcrCache Cache { get; }

    internal SemaphoreSlim Gate { get; }

    internal string? TesseractPath => _tools.Value.Tesseract;

    internal string? PdftoppmPath => _tools.Value.Pdftoppm;

    internal string TesseractVersion => _tools.Value.Version;

    /// <summary>Why OCR cannot run here (a tool or the language data missing), or null when it can.</summary>
    public string? ToolProblem => _tools.Value.Problem;

    internal void CountRecognized() => Interlocked.Increment(ref _recognized);

    internal void CountFromCache() => Interlocked.Increment(ref _fromCache);

    internal void CountSkipped() => Interlocked.Increment(ref _skipped);

    /// <summary>A session for one document's bytes; it reports its pages to the observers current here.</summary>
    internal OcrSession Begin(string fileName, byte[] bytes) =>
        new(this, fileName, Convert.ToHexStringLower(SHA256.HashData(bytes)), s_observers.Value);

    /// <summary>
    /// Tells <paramref name="report"/> of every page done (recognised, from the cache, skipped) by documents begun
    /// in this flow of control until the result is disposed; observers nest (a build counts, a pass over its files
    /// shows progress). Reports of one document arrive one at a time, pages done counting up.
    /// </summary>
    public static IDisposable Observe(Action<OcrPageProgress> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var outer = s_observers.Value;
        s_observers.Value = new PageObserver(report, outer);
        return new Restore(outer);
    }

    /// <summary>One observer and the ones it was nested in.</summary>
    internal sealed record PageObserver(Action<OcrPageProgress> Report, PageObserver? Outer);

    private sealed class Restore(PageObserver? outer) : IDisposable
    {
        public void Dispose() => s_observers.Value = outer;
    }

    private (string?, string?, string, string?) FindTools()
    {
        var tesseract = OcrProcess.Locate(Options.Tesseract);
        var pdftoppm = OcrProcess.Locate(Options.Pdftoppm);
        if (tesseract is null)
        {
            return (null, pdftoppm, "", $"tesseract was not found ('{Options.Tesseract}'); install tesseract-ocr and "
                + "tesseract-ocr-chi-sim, or set Xiqing:Ocr:Tesseract to its path");
        }
        var version = OcrProcess.Start(tesseract, ["--version"], TimeSpan.FromSeconds(30), 64 * 1024);
        var firstLine = (version.Output + "\n" + version.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries |
            StringSplitOptions.TrimEntries).FirstOrDefault(l => l.StartsWith("tesseract", StringComparison.OrdinalIgnoreCase));
        if (!version.Succeeded || firstLine is null)
        {
            return (null, pdftoppm, "", $"'{tesseract}' does not run as tesseract ({FirstLine(version.Error)})");
        }
        var languages = OcrProcess.Start(tesseract, ["--list-langs"], TimeSpan.FromSeconds(30), 64 * 1024);
        var installed = (languages.Output + "\n" + languages.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries |
            StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var missing = Options.Languages.Split('+', StringSplitOptions.RemoveEmptyEntries).Where(l => !installed.Contains(l)).ToList();
        if (missing.Count > 0)
        {
            return (null, pdftoppm, firstLine, string.Create(CultureInfo.InvariantCulture,
                $"tesseract has no language data for {string.Join(", ", missing)}; install tesseract-ocr-"
                + $"{missing[0].Replace('_', '-')} or set Xiqing:Ocr:Languages"));
        }
        return (tesseract, pdftoppm, firstLine, null);
    }

    internal static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
}

using System.Collections.Concurrent;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Ocr;

/// <summary>
/// OCR of one document: renders each scanned page (<c>pdftoppm -r 300 -gray -png</c>) and recognises it
/// (<c>tesseract … tsv</c>), pages in parallel within the engine's bound, each within the page timeout, each from
/// the cache when it was recognised before. A page that fails or times out is skipped and named in
/// <see cref="Warnings"/>; the rest of the document (and the build) goes on. With OCR off (no engine) the session
/// only records which pages needed it.
/// </summary>
internal sealed class OcrSession(OcrEngine? engine, string fileName, string sha256,
    OcrEngine.PageObserver? observers = null) : IPageRecognizer
{
    /// <summary>A page's TSV is a few hundred KiB; more is not a page.</summary>
    private const int MaxTsvCharacters = 32 * 1024 * 1024;

    private readonly ConcurrentDictionary<int, string> _warnings = new();
    private readonly Lock _reportGate = new();
    private int _pagesDone;

    /// <summary>A session that cannot recognise (OCR off): it names the pages that needed OCR.</summary>
    public static OcrSession Off(string fileName) => new(null, fileName, "");

    /// <summary>What a person should know about this document's OCR, by page.</summary>
    public IReadOnlyList<string> Warnings => [.. _warnings.OrderBy(w => w.Key).Select(w => w.Value)];

    /// <summary>True when OCR can run: on, and the tools found.</summary>
    public bool CanRecognize => engine is not null && engine.ToolProblem is null;

    /// <summary>How to get text out of an image-only document here: turn OCR on, or install the tools.</summary>
    public string Hint => engine is null
        ? IngestMessages.TurnOcrOn
        : engine.ToolProblem is { } problem ? $"OCR is on but {problem}" : string.Join("; ", Warnings);

    public IReadOnlyList<(int Page, List<PageLine> Lines)> Recognize(byte[] pdf, IReadOnlyList<int> pages)
    {
        if (!CanRecognize)
        {
            foreach (var page in pages)
            {
                _warnings[page] = $"page {page}: an image without text, not indexed: {Hint}";
            }
            return [];
        }
        var directory = Directory.CreateTempSubdirectory("xiqing-ocr-");
        try
        {
            var input = Path.Combine(directory.FullName, "document.pdf");
            File.WriteAllBytes(input, pdf);
            var results = new ConcurrentDictionary<int, List<PageLine>>();
            Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = engine!.Options.MaxParallelPages }, page =>
            {
                var tsv = PageTsv(page, pages.Count, () => RenderAndRecognize(input, directory.FullName, page));
                if (tsv is not null)
                {
                    var lines = OcrLayout.Lines(TesseractTsv.Parse(tsv));
                    if (lines.Count > 0)
                    {
                        results[page] = lines;
                    }
                }
            });
            return [.. results.OrderBy(r => r.Key).Select(r => (r.Key, r.Value))];
        }
        finally
        {
            TryDelete(directory);
        }
    }

    /// <summary>The recognised lines of an image file, by page (a multi-page TIFF has several); its timeout is one
    /// page's.</summary>
    public IReadOnlyList<(int Page, List<PageLine> Lines)> RecognizeImage(byte[] image, string extension)
    {
        var directory = Directory.CreateTempSubdirectory("xiqing-ocr-");
        try
        {
            var input = Path.Combine(directory.FullName, "image" + extension);
            File.WriteAllBytes(input, image);
            var tsv = PageTsv(0, 1, () => Tesseract(input, Deadline()));
            if (tsv is null)
            {
                return [];
            }
            return [.. TesseractTsv.Parse(tsv).GroupBy(l => l.Page).OrderBy(g => g.Key)
                .Select(g => (g.Key, OcrLayout.Lines([.. g]))).Where(p => p.Item2.Count > 0)];
        }
        finally
        {
            TryDelete(directory);
        }
    }

    /// <summary>One page's TSV: from the cache, else recognised (within the engine's bound) and cached; null when
    /// skipped, with the reason in <see cref="Warnings"/>.</summary>
    private string? PageTsv(int page, int pages, Func<(string? Tsv, string? Failure)> recognise)
    {
        var key = OcrCache.Key(sha256, page, engine!.Options.Dpi, engine.Options.Languages, engine.TesseractVersion);
        if (engine.Cache.TryRead(key, out var cached))
        {
            engine.CountFromCache();
            Report(page, pages, fromCache: true, skipped: null);
            return cached;
        }
        engine.Gate.Wait();
        (string? Tsv, string? Failure) result;
        try
        {
            result = recognise();
        }
        finally
        {
            engine.Gate.Release();
        }
        if (result.Tsv is null)
        {
            engine.CountSkipped();
            var where = page > 0 ? $"page {page}" : "the image";
            _warnings[Math.Max(1, page)] = $"{where}: {result.Failure}; not indexed";
            Report(page, pages, fromCache: false, result.Failure);
            return null;
        }
        engine.CountRecognized();
        engine.Cache.Write(key, result.Tsv);
        Report(page, pages, fromCache: false, skipped: null);
        return result.Tsv;
    }

    /// <summary>Tells the options' callback and the observers of a page done. Pages are recognised in parallel, so
    /// the count and the reports go under one lock: each document's reports arrive in order, 1 to its pages.</summary>
    private void Report(int page, int pages, bool fromCache, string? skipped)
    {
        lock (_reportGate)
        {
            var done = new OcrPageProgress(fileName, Math.Max(1, page), pages, fromCache, skipped) { Done = ++_pagesDone };
            engine!.Options.OnPage?.Invoke(done);
            for (var observer = observers; observer is not null; observer = observer.Outer)
            {
                observer.Report(done);
            }
        }
    }

    private DateTime Deadline() => DateTime.UtcNow + engine!.Options.PageTimeout;

    private (string? Tsv, string? Failure) RenderAndRecognize(string pdf, string directory, int page)
    {
        var deadline = Deadline();
        if (engine!.PdftoppmPath is not { } pdftoppm)
        {
            return (null, $"OCR failed: pdftoppm was not found ('{engine.Options.Pdftoppm}'); install poppler-utils or set Xiqing:Ocr:Pdftoppm");
        }
        var number = page.ToString(CultureInfo.InvariantCulture);
        var root = Path.Combine(directory, "page-" + number);
        var render = OcrProcess.Start(pdftoppm,
            ["-r", engine.Options.Dpi.ToString(CultureInfo.InvariantCulture), "-f", number, "-l", number, "-gray", "-png",
                "-singlefile", pdf, root],
            deadline - DateTime.UtcNow, 64 * 1024);
        if (!render.Succeeded)
        {
            return (null, Failure("pdftoppm", render));
        }
        var image = root + ".png";
        try
        {
            return Tesseract(image, deadline);
        }
        finally
        {
            File.Delete(image);
        }
    }

    private (string? Tsv, string? Failure) Tesseract(string image, DateTime deadline)
    {
        var remaining = deadline - DateTime.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            return (null, TimedOut());
        }
        var run = RunTesseract(image, engine!.Options.Languages, remaining);
        if (!run.Succeeded)
        {
            return (null, Failure("tesseract", run));
        }
        // Chinese read as Latin letters: a second reading with the Chinese models alone (see LatinMisreads).
        if (LatinMisreads.CjkOnly(engine.Options.Languages) is { } cjk
            && LatinMisreads.Count(TesseractTsv.Parse(run.Output)) is var misreads and > 0
            && deadline - DateTime.UtcNow is { } left && left > TimeSpan.Zero)
        {
            var second = RunTesseract(image, cjk, left);
            if (second.Succeeded && LatinMisreads.Count(TesseractTsv.Parse(second.Output)) < misreads)
            {
                return (second.Output, null);
            }
        }
        return (run.Output, null);
    }

    private OcrProcess.Run RunTesseract(string image, string languages, TimeSpan timeout) =>
        OcrProcess.Start(engine!.TesseractPath!, [image, "-", "-l", languages, "--psm", "3", "tsv"], timeout, MaxTsvCharacters);

    private string Failure(string tool, OcrProcess.Run run) =>
        run.TimedOut ? TimedOut()
        : run.TooLong ? $"OCR failed: {tool} wrote more than a page's output"
        : $"OCR failed: {tool} exited with {run.ExitCode} ({OcrEngine.FirstLine(run.Error)})";

    private string TimedOut() => string.Create(CultureInfo.InvariantCulture,
        $"OCR took longer than {engine!.Options.PageTimeout.TotalSeconds:0.###} s (Xiqing:Ocr:PageTimeoutSeconds), skipped");

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind costs space, not text.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

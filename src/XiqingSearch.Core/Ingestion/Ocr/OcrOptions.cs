namespace XiqingSearch.Core.Ingestion.Ocr;

/// <summary>
/// How scanned pages and images are recognised (settings <c>Xiqing:Ocr:*</c>, flag <c>--ocr</c>). Off by default:
/// OCR is slow and its text is never exact, so a person turns it on knowingly.
/// </summary>
public sealed record OcrOptions
{
    /// <summary>OCR off: scanned documents are skipped and named, as without the tools.</summary>
    public static readonly OcrOptions Disabled = new();

    /// <summary>Whether pages without a text layer and image files are recognised.</summary>
    public bool Enabled { get; init; }

    /// <summary>The <c>tesseract</c> executable: a path, or a name looked up on <c>PATH</c>.</summary>
    public string Tesseract { get; init; } = "tesseract";

    /// <summary>The <c>pdftoppm</c> executable (poppler-utils): a path, or a name looked up on <c>PATH</c>.</summary>
    public string Pdftoppm { get; init; } = "pdftoppm";

    /// <summary>Tesseract's languages, <c>+</c>-joined: simplified Chinese and English by default; <c>chi_tra</c>
    /// for traditional characters.</summary>
    public string Languages { get; init; } = "chi_sim+eng";

    /// <summary>How long one page may take (rendering and recognition); a slower page is skipped and named.</summary>
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where recognised pages are kept, so a rebuild never recognises an unchanged page again; null keeps
    /// nothing.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Resolution pages are rendered at: 300 dpi is what Tesseract reads Chinese best at.</summary>
    public int Dpi { get; init; } = 300;

    /// <summary>Pages recognised at once across the whole build: one per core (each Tesseract runs one thread).</summary>
    public int MaxParallelPages { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Told after each page recognised (or taken from the cache, or skipped), for a progress line.</summary>
    public Action<OcrPageProgress>? OnPage { get; init; }
}

/// <summary>One page's OCR done.</summary>
/// <param name="File">The source file name.</param>
/// <param name="Page">1-based page.</param>
/// <param name="Pages">Pages of the file to recognise (its pages without a text layer; 1 for an image).</param>
/// <param name="FromCache">True when the page's text came from the cache.</param>
/// <param name="Skipped">Why the page has no text (timeout, failure), or null.</param>
public readonly record struct OcrPageProgress(string File, int Page, int Pages, bool FromCache, string? Skipped)
{
    /// <summary>Pages of the file done so far, this one included (pages finish out of order when recognised in
    /// parallel; this counts up 1 to <see cref="Pages"/>).</summary>
    public int Done { get; init; }
}

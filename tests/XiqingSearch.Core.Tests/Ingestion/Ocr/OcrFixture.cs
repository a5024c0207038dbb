using System.Collections.Concurrent;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Ocr;
using XiqingSearch.Core.Tests.Ingestion.Formats;

namespace XiqingSearch.Core.Tests.Ingestion.Ocr;

/// <summary>
/// The scanned fixtures (<c>tests/Fixtures/Scans/</c>, made by its <c>make.sh</c> from the LibreOffice print of seed
/// 000) recognised once for the whole test class, into a cache folder the class's build tests then reuse. OCR is
/// slow, so every test reads these results instead of recognising again.
/// </summary>
public sealed class OcrFixture : IDisposable
{
    public static string Folder { get; } = Path.Combine(Testing.RepositoryRoot.Path, "tests", "Fixtures", "Scans");

    /// <summary>Each scan and the pages of the print it shows, in order (the map make.sh follows).</summary>
    public static IReadOnlyDictionary<string, int[]> PrintPages { get; } = new Dictionary<string, int[]>
    {
        ["scan-clean.pdf"] = [2, 3],
        ["scan-noisy.pdf"] = [2],
        ["scan-mixed.pdf"] = [4, 5, 6],
        ["scan-invisible.pdf"] = [7],
        ["scan-page.png"] = [8],
    };

    public static bool ToolsPresent { get; } = OcrProcess.Locate("tesseract") is not null && OcrProcess.Locate("pdftoppm") is not null;

    public OcrFixture()
    {
        CacheDirectory = Path.Combine(Path.GetTempPath(), "xiqing-ocr-tests-" + Guid.NewGuid().ToString("N"));
        // The machine may be shared: the page timeout is a safety valve, not what these tests measure.
        Options = new OcrOptions { Enabled = true, CacheDirectory = CacheDirectory, PageTimeout = TimeSpan.FromMinutes(10) };
        Engine = new OcrEngine(Options);
        if (!ToolsPresent)
        {
            return;
        }
        var read = new ConcurrentDictionary<string, (SourceDocument? Document, SkippedDocument? Skipped)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Two documents at a time, as a build reads them; their pages share the engine's bound.
        Parallel.ForEach(PrintPages.Keys, new ParallelOptions { MaxDegreeOfParallelism = 2 }, name =>
        {
            var (document, skipped) = CorpusReader.ReadOrSkip(FileOf(name), null, ocr: Engine);
            read[name] = (document, skipped);
        });
        Elapsed = clock.Elapsed;
        Documents = read;
    }

    public string CacheDirectory { get; }

    public OcrOptions Options { get; }

    public OcrEngine Engine { get; }

    /// <summary>How long recognising every fixture took (for pages per second).</summary>
    public TimeSpan Elapsed { get; }

    public IReadOnlyDictionary<string, (SourceDocument? Document, SkippedDocument? Skipped)> Documents { get; } =
        new Dictionary<string, (SourceDocument?, SkippedDocument?)>();

    public SourceDocument Document(string name)
    {
        var (document, skipped) = Documents[name];
        Assert.True(document is not null, $"{name} was not read: {skipped}");
        return document!;
    }

    public static SourceFile FileOf(string name)
    {
        var path = Path.Combine(Folder, name);
        return new SourceFile(path, name, Path.GetFileNameWithoutExtension(name), new FileInfo(path).Length, "0");
    }

    /// <summary>The print's own text of <paramref name="pages"/> (its text layer, running header and page numbers
    /// removed as the PDF reader removes them), whitespace dropped and folded as matching folds it.</summary>
    public static string PrintText(IEnumerable<int> pages)
    {
        var wanted = pages.ToHashSet();
        var lines = PdfReader.Instance.ReadLines(File.ReadAllBytes(DocumentFixtures.LibreOfficePdf));
        return OcrMeasures.Fold(string.Concat(lines.Where(l => l.Page is int p && wanted.Contains(p)).Select(l => l.Text)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(CacheDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

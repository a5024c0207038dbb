using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Ocr;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Indexing;
using Xunit.Abstractions;

namespace XiqingSearch.Core.Tests.Ingestion.Ocr;

/// <summary>
/// The scanned fixtures read with OCR on, by the real tools: every page becomes text with its page and the OCR mark,
/// the text is close to the print's, a rebuild recognises nothing again, and a page over its time is skipped by
/// number while the rest is read.
/// </summary>
public sealed class OcrReadingTests(OcrFixture fixture, ITestOutputHelper output) : IClassFixture<OcrFixture>
{
    /// <summary>Floors a few points below what the fixtures measure with Tesseract 5.3.0 (clean: accuracy 97.9%,
    /// exact recall 90.9%, approximate 99.0%; noisy: accuracy 93.9%; README of the benchmarks), with room for another
    /// Tesseract build's small differences.</summary>
    private const double CleanAccuracyFloor = 0.94;
    private const double CleanExactRecallFloor = 0.86;
    private const double CleanApproximateRecallFloor = 0.96;
    private const double NoisyAccuracyFloor = 0.89;

    private const string RunningHeader = "西青区2023年国民经济和社会发展规划执行情况与2024年国民经济和社会发展规划";

    [OcrFact]
    public void ReadOrSkip_ScannedFixturesWithOcrOn_EveryPageIsTextWithItsPageAndTheOcrMark()
    {
        foreach (var (name, printPages) in OcrFixture.PrintPages)
        {
            var document = fixture.Document(name);
            var pages = Enumerable.Range(1, printPages.Length).ToList();
            foreach (var page in pages)
            {
                Assert.Contains(document.Paragraphs, p => p.FirstPage <= page && page <= p.LastPage);
            }
            Assert.All(document.Paragraphs, p => Assert.NotNull(p.FirstPage));
        }
        foreach (var name in new[] { "scan-clean.pdf", "scan-noisy.pdf", "scan-page.png" })
        {
            Assert.All(fixture.Document(name).Paragraphs, p =>
            {
                Assert.True(p.Ocr, $"{name} #{p.Number} is not marked as OCR");
                Assert.InRange(p.OcrConfidence!.Value, 0.01, 1.0);
            });
        }
        // The mixed PDF: its two printed pages are exact text, its scanned third page is OCR.
        var mixed = fixture.Document("scan-mixed.pdf");
        Assert.All(mixed.Paragraphs.Where(p => p.LastPage <= 2), p => Assert.False(p.Ocr));
        Assert.All(mixed.Paragraphs.Where(p => p.FirstPage == 3), p => Assert.True(p.Ocr));
        Assert.Contains(mixed.Paragraphs, p => p.FirstPage == 3);
    }

    [OcrFact]
    public void ReadOrSkip_InvisibleTextLayer_IsOcrTextOfUnknownConfidence()
    {
        var document = fixture.Document("scan-invisible.pdf");
        Assert.NotEmpty(document.Paragraphs);
        Assert.All(document.Paragraphs, p =>
        {
            Assert.True(p.Ocr);
            Assert.Null(p.OcrConfidence);
        });
    }

    [OcrFact]
    public void ReadOrSkip_CleanScan_CharacterAccuracyAndPhraseRecallAboveTheirFloors()
    {
        var (accuracy, exact, approximate) = Measure("scan-clean.pdf");
        Assert.True(accuracy >= CleanAccuracyFloor, $"character accuracy {accuracy:P1} < {CleanAccuracyFloor:P0}");
        Assert.True(exact >= CleanExactRecallFloor, $"exact phrase recall {exact:P1} < {CleanExactRecallFloor:P0}");
        Assert.True(approximate >= CleanApproximateRecallFloor, $"approximate phrase recall {approximate:P1} < {CleanApproximateRecallFloor:P0}");
    }

    [OcrFact]
    public void ReadOrSkip_NoisyRotatedScan_CharacterAccuracyAboveItsFloor()
    {
        var (accuracy, _, _) = Measure("scan-noisy.pdf");
        Assert.True(accuracy >= NoisyAccuracyFloor, $"character accuracy {accuracy:P1} < {NoisyAccuracyFloor:P0}");
        Measure("scan-page.png");
        var pages = OcrFixture.PrintPages.Where(p => p.Key != "scan-invisible.pdf").Sum(p => p.Key == "scan-mixed.pdf" ? 1 : p.Value.Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pages} pages recognised in {fixture.Elapsed.TotalSeconds:0.0} s: {pages / fixture.Elapsed.TotalSeconds:0.00} pages/s ({Environment.ProcessorCount} cores)"));
    }

    [OcrFact]
    public void Build_ScannedFolderWithOcrOn_IndexesEveryDocumentFromTheCacheAndMarksOcrParagraphs()
    {
        Assert.True(fixture.Engine.PagesRecognized > 0);
        using var workspace = new TempWorkspace(copySeeds: false);
        foreach (var name in OcrFixture.PrintPages.Keys)
        {
            File.Copy(Path.Combine(OcrFixture.Folder, name), Path.Combine(workspace.Seeds, name));
        }
        // The fixture's cache: every page was recognised when the class started, so a build recognises none again.
        var options = workspace.Options with { Ocr = fixture.Options with { OnPage = null } };
        var engine = OcrEngine.For(options.Ocr)!;
        var built = IndexBuilder.Build(options);
        Assert.True(built.IsSuccess, string.Join("; ", built.Problems));
        Assert.Empty(built.Value.Skipped);
        Assert.Equal(0, engine.PagesRecognized);
        Assert.Equal(5, engine.PagesFromCache);
        Assert.Equal((0, 5, 0), (built.Value.OcrPagesRecognized, built.Value.OcrPagesFromCache, built.Value.OcrPagesSkipped));

        using (var search = SearchEngine.Open(workspace.Options).ValueOrThrow())
        {
            var hits = search.Search(new SearchRequest { Query = "规模以上工业总产值", All = true }).Value.Hits;
            Assert.Contains(hits, h => h.Doc == "scan-clean" && h.FirstPage == 1);
        }
        using var directory = FSDirectory.Open(workspace.Index);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var ocr = searcher.Search(new TermQuery(new Term(FieldNames.Ocr, "true")), 10_000);
        Assert.True(ocr.TotalHits > 0);
        foreach (var hit in ocr.ScoreDocs)
        {
            var stored = searcher.Doc(hit.Doc);
            Assert.StartsWith("scan-", stored.Get(FieldNames.Doc), StringComparison.Ordinal);
            Assert.NotNull(stored.Get(FieldNames.FirstPage));
        }
    }

    [OcrFact]
    public void Build_MultiPageScanWithOcrOn_ReportsEveryPageInOrderThenTheRebuildTakesThemFromTheCache()
    {
        // A cache of its own, so this build recognises the two pages (in parallel) instead of reading the fixture's.
        using var workspace = new TempWorkspace(copySeeds: false);
        File.Copy(Path.Combine(OcrFixture.Folder, "scan-clean.pdf"), Path.Combine(workspace.Seeds, "scan-clean.pdf"));
        var options = workspace.Options with
        {
            Ocr = fixture.Options with { CacheDirectory = Path.Combine(workspace.Root, "ocr-cache") },
        };
        var pages = OcrFixture.PrintPages["scan-clean.pdf"].Length;

        var first = new ReportsCollected();
        var built = IndexBuilder.Build(options, first);
        Assert.True(built.IsSuccess, string.Join("; ", built.Problems));
        Assert.Equal((pages, 0, 0), (built.Value.OcrPagesRecognized, built.Value.OcrPagesFromCache, built.Value.OcrPagesSkipped));
        var recognised = first.Ocr();
        Assert.Equal(Enumerable.Range(1, pages), recognised.Select(p => p.OcrPagesDone));
        Assert.All(recognised, p =>
        {
            Assert.Equal("scan-clean.pdf", p.OcrFile);
            Assert.Equal(pages, p.OcrPagesTotal);
            Assert.False(p.OcrPageCached);
            // Reported while the file is read: it is counted done only after its last page.
            Assert.Equal(0, p.FilesDone);
        });

        // Nothing changed: the build reads the scan again for its report, every page from the cache.
        var second = new ReportsCollected();
        var again = IndexBuilder.Build(options, second);
        Assert.True(again.IsSuccess, string.Join("; ", again.Problems));
        Assert.False(again.Value.Rebuilt);
        Assert.Equal((0, pages, 0), (again.Value.OcrPagesRecognized, again.Value.OcrPagesFromCache, again.Value.OcrPagesSkipped));
        var cached = second.Ocr();
        Assert.Equal(Enumerable.Range(1, pages), cached.Select(p => p.OcrPagesDone));
        Assert.All(cached, p => Assert.True(p.OcrPageCached));
    }

    [OcrFact]
    public void ReadOrSkip_PageOverItsTimeout_IsSkippedByNumberAndTheRestIsRead()
    {
        var engine = new OcrEngine(new OcrOptions { Enabled = true, PageTimeout = TimeSpan.FromMilliseconds(1) });
        var (mixed, skipped) = CorpusReader.ReadOrSkip(OcrFixture.FileOf("scan-mixed.pdf"), null, ocr: engine);
        Assert.Null(skipped);
        var document = mixed!;
        Assert.Contains(document.Warnings, w => w.StartsWith("page 3: OCR took longer than", StringComparison.Ordinal));
        Assert.All(document.Paragraphs, p => Assert.True(p.LastPage <= 2));
        Assert.Equal(1, engine.PagesSkipped);

        var (_, image) = CorpusReader.ReadOrSkip(OcrFixture.FileOf("scan-clean.pdf"), null, ocr: engine);
        Assert.NotNull(image);
        Assert.Contains("took longer than", image.Reason, StringComparison.Ordinal);
    }

    /// <summary>Every report, in the order made (the build reports inline, from its threads).</summary>
    private sealed class ReportsCollected : IProgress<IndexProgress>
    {
        private readonly List<IndexProgress> _reports = [];

        public void Report(IndexProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }

        public IReadOnlyList<IndexProgress> Ocr()
        {
            lock (_reports)
            {
                return [.. _reports.Where(r => r.OcrFile is not null)];
            }
        }
    }

    private (double Accuracy, double Exact, double Approximate) Measure(string name)
    {
        var truth = OcrFixture.PrintText(OcrFixture.PrintPages[name]);
        // A one-page scan keeps its running header (repetition needs two pages); the print's text has none.
        var ocr = OcrMeasures.Fold(string.Concat(fixture.Document(name).Paragraphs.Select(p => p.Text)))
            .Replace(RunningHeader, "", StringComparison.Ordinal);
        var accuracy = OcrMeasures.CharacterAccuracy(truth, ocr);
        var phrases = OcrMeasures.SamplePhrases(truth);
        var (exact, approximate) = OcrMeasures.PhraseRecall(truth, ocr, phrases);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {truth.Length} characters printed, accuracy {accuracy:P1}; {phrases.Count} phrases, recall exact {exact:P1}, approximate {approximate:P1}"));
        return (accuracy, exact, approximate);
    }
}

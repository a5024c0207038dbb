using System.Globalization;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion.Ocr;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Indexing;
using XiqingSearch.Core.Tests.Ingestion;
using XiqingSearch.Core.Tests.Ingestion.Ocr;
using Xunit.Abstractions;

namespace XiqingSearch.Core.Tests.Search.Engine;

/// <summary>
/// The scanned fixtures and seed 000 (the digital text they were printed from) indexed once, with OCR on, for the
/// whole test class: recognition is slow, so it runs once and every test searches the same index.
/// </summary>
public sealed class OcrIndexFixture : IDisposable
{
    public const string Seed = "000_313d8db390bab93c";

    private readonly TempWorkspace _workspace = new(copySeeds: false);

    public OcrIndexFixture()
    {
        if (!OcrFixture.ToolsPresent)
        {
            return;
        }
        foreach (var name in OcrFixture.PrintPages.Keys)
        {
            File.Copy(Path.Combine(OcrFixture.Folder, name), Path.Combine(_workspace.Seeds, name));
        }
        File.Copy(Path.Combine(SeedsFolder.Path, Seed + ".txt"), Path.Combine(_workspace.Seeds, Seed + ".txt"));
        Options = _workspace.Options with
        {
            Ocr = new OcrOptions
            {
                Enabled = true,
                CacheDirectory = Path.Combine(_workspace.Root, "ocr-cache"),
                PageTimeout = TimeSpan.FromMinutes(10),
            },
        };
        // First with OCR off, as a folder is before OCR is turned on: the image-only scans are skipped.
        var off = IndexBuilder.Build(_workspace.Options);
        Assert.True(off.IsSuccess, string.Join("; ", off.Problems));
        SkippedWithOcrOff = [.. off.Value.Skipped.Select(s => s.File)];
        StateWhenTurnedOn = IndexBuilder.Check(Options);
        // Then turned on, without --force: the manifest's OCR setting makes the index stale.
        var built = IndexBuilder.Build(Options);
        Assert.True(built.IsSuccess, string.Join("; ", built.Problems));
        ReadWhenTurnedOn = built.Value.ChangedFiles;
        StateAfter = IndexBuilder.Check(Options);
        StateWhenTurnedOff = IndexBuilder.Check(_workspace.Options);
        Engine = SearchEngine.Open(Options).ValueOrThrow();
    }

    public IReadOnlyList<string> SkippedWithOcrOff { get; } = [];

    public IndexState StateWhenTurnedOn { get; }

    public IReadOnlyList<string> ReadWhenTurnedOn { get; } = [];

    public IndexState StateAfter { get; }

    public IndexState StateWhenTurnedOff { get; }

    public IndexOptions Options { get; } = new();

    public SearchEngine Engine { get; } = null!;

    public SearchResponse Search(SearchRequest request)
    {
        var result = Engine.Search(request with { All = true });
        Assert.True(result.IsSuccess, $"{request.Query}: {string.Join("; ", result.Problems)}");
        return result.Value;
    }

    public void Dispose()
    {
        Engine?.Dispose();
        _workspace.Dispose();
    }
}

/// <summary>
/// Searching recognised text: every hit from a scan is marked with its confidence and page, ocr:false keeps exact
/// text only, and a phrase the recogniser misread by an edit or two is still found, marked approximate, ranked
/// below exact hits, and never in a text layer.
/// </summary>
public sealed class OcrSearchTests(OcrIndexFixture index, ITestOutputHelper output) : IClassFixture<OcrIndexFixture>
{
    private const double NoisyApproximateRecallFloor = 0.90;

    private static readonly string[] ScanDocs = ["scan-clean", "scan-noisy", "scan-mixed", "scan-invisible", "scan-page"];

    [OcrFact]
    public void Search_ScannedFolderWithOcrOn_EveryScanIsTextAndHitsCarryPagesAndTheOcrMark()
    {
        var documents = index.Engine.Documents();
        foreach (var doc in ScanDocs)
        {
            var summary = Assert.Single(documents, d => d.Doc == doc);
            Assert.Null(summary.Skipped);
            Assert.True(summary.Paragraphs > 0, doc);
        }
        // Every page of every scan gives text: recognised pages are marked, the mixed PDF's printed pages are not.
        foreach (var doc in ScanDocs)
        {
            var view = index.Engine.GetDocument(doc, null).ValueOrThrow();
            var pages = view.Paragraphs.Select(p => index.Engine.GetParagraph(doc, p.Paragraph, 0).ValueOrThrow().Paragraph)
                .SelectMany(p => Enumerable.Range(p.FirstPage!.Value, p.LastPage!.Value - p.FirstPage.Value + 1)).ToHashSet();
            var expected = OcrFixture.PrintPages[doc + (doc == "scan-page" ? ".png" : ".pdf")].Length;
            Assert.Equal(Enumerable.Range(1, expected), pages.Order());
            Assert.Equal(doc != "scan-mixed", view.Paragraphs.All(p => p.Ocr));
        }

        var hits = index.Search(new SearchRequest { Query = "ocr:true" }).Hits;
        Assert.NotEmpty(hits);
        Assert.All(hits, h =>
        {
            Assert.True(h.Ocr);
            Assert.Contains(h.Doc, ScanDocs);
            Assert.NotNull(h.FirstPage);
            if (h.Doc == "scan-invisible")
            {
                Assert.Null(h.OcrConfidence);   // the scanner's recogniser recorded none
            }
            else
            {
                Assert.InRange(h.OcrConfidence!.Value, 0.01, 1.0);
            }
        });
        var mixed = index.Search(new SearchRequest { Query = "ocr:true", Docs = ["scan-mixed"] }).Hits;
        Assert.All(mixed, h => Assert.Equal(3, h.FirstPage));
    }

    [OcrFact]
    public void Build_OcrTurnedOnWithoutForce_ManifestMakesTheIndexStaleAndOnlyPdfsAndImagesAreReadAgain()
    {
        Assert.Equal(["scan-clean.pdf", "scan-noisy.pdf", "scan-page.png"], index.SkippedWithOcrOff.Order(StringComparer.Ordinal));
        Assert.Equal(IndexState.Stale, index.StateWhenTurnedOn);
        Assert.Equal(OcrFixture.PrintPages.Keys.Order(StringComparer.Ordinal), index.ReadWhenTurnedOn.Order(StringComparer.Ordinal));
        Assert.Equal(IndexState.Current, index.StateAfter);
        Assert.Equal(IndexState.Stale, index.StateWhenTurnedOff);
    }

    [OcrFact]
    public void Search_OcrFilterInQueryAndRequest_KeepsOnlyTheTextAsked()
    {
        var phrase = "发展";
        var all = index.Search(new SearchRequest { Query = phrase });
        Assert.Contains(all.Hits, h => h.Ocr);
        Assert.Contains(all.Hits, h => !h.Ocr);

        var exactOnly = index.Search(new SearchRequest { Query = phrase, Ocr = false });
        var exactInQuery = index.Search(new SearchRequest { Query = phrase + " ocr:false" });
        var ocrOnly = index.Search(new SearchRequest { Query = phrase + " ocr:true" });
        Assert.All(exactOnly.Hits, h => Assert.False(h.Ocr));
        Assert.Equal(exactOnly.Hits.Select(h => h.Id).Order(), exactInQuery.Hits.Select(h => h.Id).Order());
        Assert.All(ocrOnly.Hits, h => Assert.True(h.Ocr));
        Assert.Equal(all.TotalHits, exactOnly.TotalHits + ocrOnly.TotalHits);
        Assert.Contains("ocr:false", exactInQuery.Parsed, StringComparison.Ordinal);

        var bad = index.Engine.Search(new SearchRequest { Query = phrase + " ocr:maybe" });
        Assert.False(bad.IsSuccess);
        Assert.Contains("ocr must be true", bad.Problems[0].Message, StringComparison.Ordinal);
    }

    [OcrFact]
    public void Compare_PhrasesOfTheScansExactAndMisread_EveryCellEqualsSearch()
    {
        // Recognised rows are grouped apart from equal digital text, and a phrase found approximately there is
        // counted as search counts it: phrases of the printed text (exact in the seed, exact or misread in the
        // scans), some with one character changed (found only approximately), and single characters.
        var truth = OcrFixture.PrintText(OcrFixture.PrintPages["scan-noisy.pdf"]) + OcrFixture.PrintText(OcrFixture.PrintPages["scan-clean.pdf"]);
        var sampled = OcrMeasures.SamplePhrases(truth);
        var phrases = sampled.Where((_, i) => i % 4 == 0).Take(40)
            .Concat(sampled.Where(p => p.Length == 6).Take(10).Select(p => p[..3] + "〇" + p[4..]))
            .Concat(["发", "展", "发展"])
            .Distinct(StringComparer.Ordinal).ToList();
        CompareCounterTests.AssertCellsEqualSearch(index.Engine, new Core.Search.Analytics.CompareRequest { Phrases = phrases });
        CompareCounterTests.AssertCellsEqualSearch(index.Engine, new Core.Search.Analytics.CompareRequest { Phrases = phrases, Docs = ["scan-noisy", "scan-clean"] });
    }

    [OcrFact]
    public void Search_NoisyScanPhrases_AtLeastNinetyPercentFoundAndEachApproximateOneMarked()
    {
        var truth = OcrFixture.PrintText(OcrFixture.PrintPages["scan-noisy.pdf"]);
        var phrases = OcrMeasures.SamplePhrases(truth);
        double printed = 0, exact = 0, found = 0;
        var approximateSeen = 0;
        foreach (var phrase in phrases)
        {
            var want = OcrMeasures.Count(truth, phrase, 0);
            printed += want;
            var response = index.Search(new SearchRequest { Query = "\"" + phrase + "\"", Docs = ["scan-noisy"] });
            var spans = response.Hits.SelectMany(h => h.Highlights.Select(s => (Hit: h, Span: s))).ToList();
            foreach (var (hit, span) in spans)
            {
                // Marked approximate exactly when the text there is not the phrase itself.
                var there = OcrMeasures.Fold(hit.Text[span.Start..span.End]);
                Assert.True(span.Approximate == !there.Contains(phrase, StringComparison.Ordinal),
                    $"{phrase}: '{there}' approximate={span.Approximate}");
                approximateSeen += span.Approximate ? 1 : 0;
            }
            Assert.Equal(spans.Count(s => s.Span.Approximate), response.ApproximateOccurrences);
            exact += Math.Min(want, spans.Count(s => !s.Span.Approximate));
            found += Math.Min(want, spans.Count);

            var strict = index.Search(new SearchRequest { Query = "\"" + phrase + "\"", Docs = ["scan-noisy"], Exact = true });
            Assert.All(strict.Hits, h => Assert.DoesNotContain(h.Highlights, s => s.Approximate));
            Assert.Equal(0, strict.ApproximateOccurrences);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"noisy scan: {phrases.Count} phrases, {printed} occurrences; exact {exact / printed:P1}, with approximate matching {found / printed:P1} ({approximateSeen} approximate)"));
        Assert.True(approximateSeen > 0, "no approximate occurrence on the noisy scan");
        Assert.True(found / printed >= NoisyApproximateRecallFloor, $"recall {found / printed:P1} < {NoisyApproximateRecallFloor:P0}");
        Assert.True(found > exact);
    }

    [OcrFact]
    public void Search_PhrasesOfTheSeed_NoApproximateMatchInTheTextLayerAndExactHitsRankFirst()
    {
        // The seed holds the printed text itself: each phrase is there exactly; approximate matching never looks at it.
        var truth = OcrFixture.PrintText([2, 3, 4, 5]);
        var phrases = OcrMeasures.SamplePhrases(truth).Where((_, i) => i % 3 == 0).ToList();
        var approximateHits = 0;
        foreach (var phrase in phrases)
        {
            var response = index.Search(new SearchRequest { Query = "\"" + phrase + "\"" });
            foreach (var hit in response.Hits.Where(h => !h.Ocr))
            {
                Assert.DoesNotContain(hit.Highlights, s => s.Approximate);
            }
            var onlyApproximate = response.Hits.Select(h => h.Highlights.Count > 0 && h.Highlights.All(s => s.Approximate)).ToList();
            approximateHits += onlyApproximate.Count(a => a);
            // Relevance order: once a hit is approximate only, every later one is too.
            Assert.Equal(onlyApproximate.OrderBy(a => a), onlyApproximate);
            Assert.Equal(onlyApproximate.Count(a => a), response.ApproximateHits);
        }
        output.WriteLine($"{phrases.Count} phrases, {approximateHits} hits matched only approximately (all recognised text)");

        // A phrase of the clean scan with one character changed: found approximately in the scan, never in the seed.
        var clean = OcrFixture.PrintText(OcrFixture.PrintPages["scan-clean.pdf"]);
        var tried = 0;
        foreach (var phrase in OcrMeasures.SamplePhrases(clean).Where(p => p.Length == 6))
        {
            if (index.Search(new SearchRequest { Query = "\"" + phrase + "\"", Docs = ["scan-clean"], Exact = true }).TotalHits == 0)
            {
                continue;   // misread in the scan already
            }
            var changed = phrase[..3] + "〇" + phrase[4..];
            var inSeed = index.Search(new SearchRequest { Query = "\"" + changed + "\"", Docs = [OcrIndexFixture.Seed] });
            Assert.Equal(0, inSeed.TotalHits);
            var inScan = index.Search(new SearchRequest { Query = "\"" + changed + "\"", Docs = ["scan-clean"] });
            Assert.NotEqual(0, inScan.TotalHits);
            Assert.All(inScan.Hits, h => Assert.All(h.Highlights, s => Assert.True(s.Approximate)));
            if (++tried == 10)
            {
                break;
            }
        }
        Assert.Equal(10, tried);
    }
}

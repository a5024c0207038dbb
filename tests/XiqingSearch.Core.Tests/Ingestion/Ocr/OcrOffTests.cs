using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Tests.Indexing;

namespace XiqingSearch.Core.Tests.Ingestion.Ocr;

/// <summary>OCR off: scanned documents are skipped and named with the way to turn OCR on; nothing is silent.</summary>
public sealed class OcrOffTests
{
    [Theory]
    [InlineData("scan-clean.pdf")]
    [InlineData("scan-noisy.pdf")]
    [InlineData("scan-page.png")]
    public void ReadOrSkip_ImageOnlyDocumentWithOcrOff_IsSkippedAndNamedWithTheHint(string name)
    {
        var (document, skipped) = CorpusReader.ReadOrSkip(OcrFixture.FileOf(name), null);
        Assert.Null(document);
        Assert.NotNull(skipped);
        Assert.Equal(name, skipped.File);
        Assert.Equal(ProblemCodes.NoTextLayer, skipped.Code);
        Assert.Equal(1, skipped.Page);
        Assert.Contains("needs OCR", skipped.Reason, StringComparison.Ordinal);
        // In the settings' words, the same for every front end; the command line adds its --ocr.
        Assert.Contains("Xiqing:Ocr:Enabled", skipped.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("--", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOrSkip_MixedPdfWithOcrOff_ReadsThePrintedPagesAndNamesTheScannedOne()
    {
        var (document, skipped) = CorpusReader.ReadOrSkip(OcrFixture.FileOf("scan-mixed.pdf"), null);
        Assert.Null(skipped);
        var read = document!;
        Assert.All(read.Paragraphs, p => Assert.False(p.Ocr));
        Assert.All(read.Paragraphs, p => Assert.True(p.LastPage <= 2));
        var warning = Assert.Single(read.Warnings, w => w.StartsWith("page ", StringComparison.Ordinal));
        Assert.StartsWith("page 3: an image without text", warning, StringComparison.Ordinal);
        Assert.Contains("Xiqing:Ocr:Enabled", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOrSkip_InvisibleTextLayerWithOcrOff_IsReadAndMarkedAsOcr()
    {
        var (document, skipped) = CorpusReader.ReadOrSkip(OcrFixture.FileOf("scan-invisible.pdf"), null);
        Assert.Null(skipped);
        Assert.NotEmpty(document!.Paragraphs);
        Assert.All(document.Paragraphs, p => Assert.True(p.Ocr));
    }

    [Fact]
    public void Build_ScannedFolderWithOcrOff_IndexesTheTextLayersAndNamesEveryImageOnlyDocument()
    {
        using var workspace = new TempWorkspace(copySeeds: false);
        foreach (var name in OcrFixture.PrintPages.Keys)
        {
            File.Copy(Path.Combine(OcrFixture.Folder, name), Path.Combine(workspace.Seeds, name));
        }

        var built = IndexBuilder.Build(workspace.Options);

        Assert.True(built.IsSuccess, string.Join("; ", built.Problems));
        Assert.Equal(["scan-clean.pdf", "scan-noisy.pdf", "scan-page.png"], built.Value.Skipped.Select(s => s.File).Order(StringComparer.Ordinal));
        Assert.All(built.Value.Skipped, s => Assert.Contains("Xiqing:Ocr:Enabled", s.Reason, StringComparison.Ordinal));
        Assert.Equal(["scan-invisible", "scan-mixed"], built.Value.Documents.Select(d => d.Doc).Order(StringComparer.Ordinal));
    }
}

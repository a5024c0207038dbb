using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Indexing;
using Xunit.Abstractions;

namespace XiqingSearch.Core.Tests.Ingestion.Formats;

/// <summary>
/// Documents whose text cannot be read are named with the page and the reason, skipped, and listed by the build
/// report, the stats and the document list, while every other document is indexed.
/// </summary>
public sealed class BadDocumentTests(ITestOutputHelper output)
{
    [Fact]
    public void ScannedPdf_IsNoTextLayerNeedsOcr_OnPage1() =>
        AssertSkipped("bad-scanned.pdf", ProblemCodes.NoTextLayer, 1, "no text layer: needs OCR");

    [Fact]
    public void EncryptedPdf_IsEncrypted() =>
        AssertSkipped("bad-encrypted.pdf", ProblemCodes.DocumentEncrypted, null, "encrypted");

    [Fact]
    public void TruncatedPdf_IsCorrupt() =>
        AssertSkipped("bad-truncated.pdf", ProblemCodes.DocumentCorrupt, null, "truncated");

    [Fact]
    public void PdfWithoutUnicodeMapping_IsUnmappedText_OnPage1() =>
        AssertSkipped("bad-unmapped.pdf", ProblemCodes.UnmappedText, 1, "no Unicode mapping");

    [Fact]
    public void TruncatedDocx_IsCorrupt() =>
        AssertSkipped("bad-truncated.docx", ProblemCodes.DocumentCorrupt, null, "corrupt DOCX");

    [Fact]
    public void FileThatIsNotTheFormatOfItsExtension_IsCorrupt()
    {
        using var workspace = new TempWorkspace(copySeeds: false);
        var path = Path.Combine(workspace.Seeds, "plan.pdf");
        File.WriteAllText(path, "西青区2024年国民经济和社会发展规划");
        var read = DocumentFixtures.ReadResult(path);
        Assert.Equal(ProblemCodes.DocumentCorrupt, Assert.Single(read.Problems).Code);
        Assert.Contains("%PDF-", read.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SkipsAndListsBadDocuments_IndexesTheRest_AndKeepsServingUntilItCommits()
    {
        using var workspace = new TempWorkspace(copySeeds: false);
        File.Copy(Path.Combine(Testing.RepositoryRoot.Seeds, DocumentFixtures.SeedId + ".txt"), Path.Combine(workspace.Seeds, "plan.txt"));
        File.Copy(DocumentFixtures.LibreOfficePdf, Path.Combine(workspace.Seeds, "plan-printed.pdf"));
        var first = IndexBuilder.Build(workspace.Options);
        Assert.True(first.IsSuccess, string.Join("; ", first.Problems));
        using (var engine = SearchEngine.Open(workspace.Options).ValueOrThrow())
        {
            Assert.Contains(engine.Search(new SearchRequest { Query = "天开西青园", All = true }).Value.Hits, h => h.Doc == "plan-printed");
        }

        // The printed plan is replaced by a damaged copy, and damaged documents join it.
        File.Copy(DocumentFixtures.Bad("bad-truncated.pdf"), Path.Combine(workspace.Seeds, "plan-printed.pdf"), overwrite: true);
        foreach (var name in new[] { "bad-scanned.pdf", "bad-encrypted.pdf", "bad-unmapped.pdf", "bad-truncated.docx" })
        {
            File.Copy(DocumentFixtures.Bad(name), Path.Combine(workspace.Seeds, name));
        }
        Assert.Equal(IndexState.Stale, IndexBuilder.Check(workspace.Options));
        var second = IndexBuilder.Build(workspace.Options);
        Assert.True(second.IsSuccess, string.Join("; ", second.Problems));
        var report = second.Value;
        foreach (var skipped in report.Skipped)
        {
            output.WriteLine($"{skipped} [{skipped.Code}]");
        }
        Assert.Equal(["plan"], report.Documents.Select(d => d.Doc));
        Assert.Equal(
            ["bad-encrypted.pdf", "bad-scanned.pdf", "bad-truncated.docx", "bad-unmapped.pdf", "plan-printed.pdf"],
            report.Skipped.Select(s => s.File));
        Assert.Equal(IndexState.Current, IndexBuilder.Check(workspace.Options));

        using var reopened = SearchEngine.Open(workspace.Options).ValueOrThrow();
        // The damaged copy's old text left the index with it.
        Assert.DoesNotContain(reopened.Search(new SearchRequest { Query = "天开西青园", All = true }).Value.Hits, h => h.Doc == "plan-printed");
        var stats = reopened.Stats();
        Assert.Equal(report.Skipped, stats.Skipped);
        var listed = reopened.Documents();
        Assert.Equal(6, listed.Count);
        var scanned = Assert.Single(listed, d => d.File == "bad-scanned.pdf");
        Assert.Equal(ProblemCodes.NoTextLayer, scanned.Skipped!.Code);
        Assert.Equal(1, scanned.Skipped.Page);
        Assert.Equal(0, scanned.Paragraphs);
        Assert.Null(Assert.Single(listed, d => d.Doc == "plan").Skipped);

        // Unchanged: nothing to do, and the skipped documents are still listed.
        var third = IndexBuilder.Build(workspace.Options);
        Assert.False(third.Value.Rebuilt);
        Assert.Equal(5, third.Value.Skipped.Count);
    }

    [Fact]
    public void BinaryText_IsSkippedBesideAGoodPdf_AndTheFirstBuildCommits()
    {
        using var workspace = new TempWorkspace(copySeeds: false);
        File.Copy(DocumentFixtures.LibreOfficePdf, Path.Combine(workspace.Seeds, "plan.pdf"));
        File.WriteAllBytes(Path.Combine(workspace.Seeds, "blob.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02]);
        var built = IndexBuilder.Build(workspace.Options).ValueOrThrow();
        Assert.Equal(["plan"], built.Documents.Select(d => d.Doc));
        var skipped = Assert.Single(built.Skipped);
        Assert.Equal(("blob.txt", ProblemCodes.BinaryFile), (skipped.File, skipped.Code));
        Assert.Equal(IndexState.Current, IndexBuilder.Check(workspace.Options));
    }

    private void AssertSkipped(string name, string code, int? page, string reason)
    {
        var read = DocumentFixtures.ReadResult(DocumentFixtures.Bad(name));
        Assert.False(read.IsSuccess);
        var problem = Assert.Single(read.Problems);
        output.WriteLine($"{problem.Message} [{problem.Code}]");
        Assert.Equal(code, problem.Code);
        Assert.StartsWith(name + (page is int p ? $", page {p}: " : ": "), problem.Message, StringComparison.Ordinal);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.Equal(DocumentFixtures.Bad(name), problem.Source);
    }
}

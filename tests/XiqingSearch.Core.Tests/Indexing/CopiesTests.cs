using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Ingestion.Formats;

namespace XiqingSearch.Core.Tests.Indexing;

/// <summary>One document as DOCX, saved page, PDF and text (the committed fixtures of seed 000): indexed once.</summary>
public sealed class CopiesTests
{
    private const string Phrase = "天开西青园";

    private static void PutCopies(TempWorkspace work)
    {
        File.Copy(Path.Combine(Testing.RepositoryRoot.Seeds, DocumentFixtures.SeedId + ".txt"), Path.Combine(work.Seeds, "plan.txt"));
        File.Copy(DocumentFixtures.Docx, Path.Combine(work.Seeds, "plan.docx"));
        Directory.CreateDirectory(Path.Combine(work.Seeds, "web"));
        File.Copy(DocumentFixtures.Html, Path.Combine(work.Seeds, "web", "plan.html"));
        File.Copy(DocumentFixtures.LibreOfficePdf, Path.Combine(work.Seeds, "printed.pdf"));
        File.Copy(Path.Combine(Testing.RepositoryRoot.Seeds, "004_e4f3d8be122b771a.txt"), Path.Combine(work.Seeds, "report.txt"));
    }

    [Fact]
    public void Build_SameTextInFourFormats_IndexesTheDocxOnce_AndNamesTheCopies()
    {
        using var work = new TempWorkspace(copySeeds: false);
        PutCopies(work);

        var built = IndexBuilder.Build(work.Options).ValueOrThrow();

        Assert.Equal(["plan", "report"], built.Documents.Select(d => d.Doc));
        Assert.Equal(["plan.txt", "printed.pdf", "web/plan.html"], built.Documents[0].Copies);
        Assert.Equal(["plan.txt", "printed.pdf", "web/plan.html"], built.Copies.Order(StringComparer.Ordinal));
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        var hits = engine.Search(new SearchRequest { Query = Phrase, All = true }).ValueOrThrow();
        Assert.All(hits.Hits.Where(h => h.Doc != "report"), h => Assert.Equal("plan", h.Doc));
        Assert.Equal(2, engine.Documents().Count);

        // The same folder again, forced: the same choice, whichever thread read what first.
        var again = IndexBuilder.Build(work.Options, force: true).ValueOrThrow();
        Assert.Equal(built.Documents.Select(d => (d.Doc, d.Paragraphs)), again.Documents.Select(d => (d.Doc, d.Paragraphs)));
    }

    [Fact]
    public void Build_KeptFileRemoved_ACopyIsIndexedInItsPlace()
    {
        using var work = new TempWorkspace(copySeeds: false);
        PutCopies(work);
        IndexBuilder.Build(work.Options).ValueOrThrow();
        File.Delete(Path.Combine(work.Seeds, "plan.docx"));

        var rebuilt = IndexBuilder.Build(work.Options).ValueOrThrow();

        Assert.Equal(["report", "web/plan"], rebuilt.Documents.Select(d => d.Doc));
        Assert.Equal(["plan.txt", "printed.pdf"], rebuilt.Documents[1].Copies);
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        var docs = engine.Search(new SearchRequest { Query = Phrase, All = true }).ValueOrThrow().Hits.Select(h => h.Doc).ToHashSet();
        Assert.Equal(["report", "web/plan"], docs.Order(StringComparer.Ordinal));
    }
}

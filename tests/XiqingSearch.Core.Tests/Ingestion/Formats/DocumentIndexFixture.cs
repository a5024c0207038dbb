using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Engine;

namespace XiqingSearch.Core.Tests.Ingestion.Formats;

/// <summary>
/// One real index of a folder holding the four document fixtures (as <c>fixture-docx.docx</c>,
/// <c>fixture-html.html</c>, <c>fixture-libreoffice.pdf</c>, <c>fixture-chromium.pdf</c>) beside the seed text they
/// were made from, built once for the document tests.
/// </summary>
public sealed class DocumentIndexFixture : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["fixture-docx"] = ".docx",
        ["fixture-html"] = ".html",
        ["fixture-libreoffice"] = ".libreoffice.pdf",
        ["fixture-chromium"] = ".chromium.pdf",
    };

    public DocumentIndexFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "xiqing-document-tests-" + Guid.NewGuid().ToString("N"));
        var seeds = Path.Combine(Root, "seeds");
        Directory.CreateDirectory(seeds);
        File.Copy(Path.Combine(Testing.RepositoryRoot.Seeds, DocumentFixtures.SeedId + ".txt"), Path.Combine(seeds, DocumentFixtures.SeedId + ".txt"));
        foreach (var (doc, suffix) in Kinds)
        {
            File.Copy(Path.Combine(DocumentFixtures.Folder, DocumentFixtures.SeedId + suffix),
                Path.Combine(seeds, doc + Path.GetExtension(suffix)));
        }
        // The fixtures hold the seed's text: kept apart, so each format's reading can be compared with the others.
        Options = new IndexOptions { IndexDirectory = Path.Combine(Root, "index"), SeedsDirectory = seeds, KeepCopiesApart = true };
        var built = IndexBuilder.Build(Options);
        Assert.True(built.IsSuccess, string.Join("; ", built.Problems));
        Report = built.Value;
        Engine = SearchEngine.Open(Options).ValueOrThrow();
        Documents = CorpusReader.ReadCorpus(seeds, null, mergeCopies: false).ValueOrThrow().Documents.ToDictionary(d => d.File.Id);
    }

    public string Root { get; }

    public IndexOptions Options { get; }

    public BuildReport Report { get; }

    public SearchEngine Engine { get; }

    /// <summary>Every document of the folder as ingestion read it, by id.</summary>
    public IReadOnlyDictionary<string, SourceDocument> Documents { get; }

    public void Dispose()
    {
        Engine.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DocumentIndexCollection : ICollectionFixture<DocumentIndexFixture>
{
    public const string Name = "document index";
}

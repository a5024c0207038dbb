using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Ingestion;

namespace XiqingSearch.Core.Tests.Search;

/// <summary>
/// A real index of the real seeds, built once in a temp folder for all search tests, plus the paragraphs as
/// ingestion produced them (the ground truth the brute-force scans run over).
/// </summary>
public sealed class SeedIndexFixture : IDisposable
{
    public SeedIndexFixture()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "xiqing-search-tests-" + Guid.NewGuid().ToString("N"));
        Options = new IndexOptions { IndexDirectory = Directory, SeedsDirectory = SeedsFolder.Path };
        var built = IndexBuilder.Build(Options);
        Assert.True(built.IsSuccess, string.Join("; ", built.Problems));
        Engine = SearchEngine.Open(Options).ValueOrThrow();
        Documents = CorpusReader.ReadAll(SeedsFolder.Path).ValueOrThrow();
        Paragraphs = [.. Documents.SelectMany(d => d.Paragraphs.Select(p => (Document: d, Paragraph: p)))];
    }

    public string Directory { get; }

    public IndexOptions Options { get; }

    public SearchEngine Engine { get; }

    public IReadOnlyList<SourceDocument> Documents { get; }

    public IReadOnlyList<(SourceDocument Document, Paragraph Paragraph)> Paragraphs { get; }

    /// <summary>All hits of <paramref name="query"/> (every page), failing the test on a problem.</summary>
    public SearchResponse SearchAll(string query, Func<SearchRequest, SearchRequest>? configure = null)
    {
        var request = new SearchRequest { Query = query, All = true };
        var result = Engine.Search(configure is null ? request : configure(request));
        Assert.True(result.IsSuccess, $"{query}: {string.Join("; ", result.Problems)}");
        return result.Value;
    }

    public void Dispose()
    {
        Engine.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SeedIndexCollection : ICollectionFixture<SeedIndexFixture>
{
    public const string Name = "seed index";
}

using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;
using XiqingSearch.Core.Tests.Ingestion;

namespace XiqingSearch.Core.Tests.Search.Query;

/// <summary>
/// synonyms.txt beside the sources: a phrase of a group is searched as every variant, each exact, all highlighted
/// and counted; <c>exact:</c> turns it off; no file changes nothing. Over the seed index, with the seeds copied to
/// a folder that also holds the file (same names, sizes and hashes, so the index is current for it).
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class SynonymTests(SeedIndexFixture index) : IDisposable
{
    private readonly string _sources = CopySeeds();

    [Fact]
    public void Search_PhraseOfAGroup_FindsEveryVariantWithItsSpans()
    {
        using var engine = Open("天开西青园,赛达新城\n");
        var expanded = Search(engine, "天开西青园");
        var park = index.SearchAll("天开西青园");
        var town = index.SearchAll("赛达新城");
        var either = index.SearchAll("天开西青园 OR 赛达新城");
        Assert.Equal(either.Hits.Select(h => h.Id).Order(), expanded.Hits.Select(h => h.Id).Order());
        Assert.Equal(park.TotalOccurrences + town.TotalOccurrences, expanded.TotalOccurrences);
        var expansion = Assert.Single(expanded.Expansions!);
        Assert.Equal("天开西青园", expansion.Phrase);
        Assert.Equal(["天开西青园", "赛达新城"], expansion.Variants);
        Assert.All(expanded.Hits, h => Assert.All(h.Highlights, s => Assert.Contains(h.Text[s.Start..s.End], new[] { "天开西青园", "赛达新城" })));
    }

    [Fact]
    public void Search_ExactPrefix_TurnsExpansionOff()
    {
        using var engine = Open("天开西青园,赛达新城\n");
        var exact = Search(engine, "exact:天开西青园");
        Assert.Null(exact.Expansions);
        Assert.Equal(index.SearchAll("天开西青园").Hits.Select(h => h.Id), exact.Hits.Select(h => h.Id));
        Assert.Equal(8, exact.TotalOccurrences);
        // Positions of errors stay on the typed query.
        var bad = engine.Search(new SearchRequest { Query = "exact:天开 AND" });
        Assert.Equal(12, bad.Problems[0].Span!.Value.Start);
    }

    [Fact]
    public void Search_NoFile_BehavesAsBefore()
    {
        using var engine = Open(null);
        var response = Search(engine, "天开西青园");
        Assert.Null(response.Expansions);
        Assert.Equal(8, response.TotalOccurrences);
    }

    [Fact]
    public void Parse_GroupsCommentsAndVariantsInSeveralGroups()
    {
        var table = SynonymTable.Parse(["# comment", "发改委,发展和改革委员会", "", "发改委，国家发改委 # both", "单个"]);
        Assert.Equal(["发改委", "发展和改革委员会", "国家发改委"], table.Variants("发改委"));
        Assert.Equal(["发展和改革委员会", "发改委"], table.Variants("发展和改革委员会"));
        Assert.Equal(["发改委", "发展和改革委员会", "国家发改委"], table.Variants(Core.Analysis.Bigrams.MatchFolding.Normalize("發改委")));
        Assert.Null(table.Variants("单个"));
    }

    private SearchEngine Open(string? synonyms)
    {
        var path = Path.Combine(_sources, SynonymTable.FileName);
        if (synonyms is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, synonyms);
        }
        return SearchEngine.Open(index.Options with { SeedsDirectory = _sources }).ValueOrThrow();
    }

    private static SearchResponse Search(SearchEngine engine, string query)
    {
        var result = engine.Search(new SearchRequest { Query = query, All = true });
        Assert.True(result.IsSuccess, string.Join("; ", result.Problems));
        return result.Value;
    }

    private static string CopySeeds()
    {
        var folder = Directory.CreateTempSubdirectory("xiqing-synonyms-").FullName;
        foreach (var file in Directory.GetFiles(SeedsFolder.Path))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_sources, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

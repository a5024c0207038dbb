using XiqingSearch.Core.Access;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Testing;

namespace XiqingSearch.Core.Tests.Access;

/// <summary>The rules of catalog.json: which rule decides, and that a change of access needs no rebuild.</summary>
public sealed class AccessRulesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-access-rules-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    [Fact]
    public void GroupsOf_DocumentFolderAndDefaultRules_MostSpecificRuleDecides()
    {
        var rules = AccessRules.Parse("""
            { "documents": { "a/b/own": { "access": ["甲"] }, "open": { "access": ["public", "乙"] } },
              "folders": { "a/": { "access": ["乙"] }, "/a/b": { "access": ["丙"] } },
              "defaultAccess": ["丁"] }
            """);
        Assert.Null(rules.Problem);
        Assert.Equal(["甲"], rules.GroupsOf("a/b/own", "a/b/own.txt"));
        Assert.Equal(["丙"], rules.GroupsOf("a/b/c/x", "a/b/c/x.pdf"));
        Assert.Equal(["乙"], rules.GroupsOf("a/x", "a/x.txt"));
        Assert.Equal(["丁"], rules.GroupsOf("ab/x", "ab/x.txt"));
        Assert.Null(rules.GroupsOf("open", "open.txt"));
        Assert.Null(AccessRules.Parse("""{ "documents": {} }""").GroupsOf("x", "x.txt"));
        Assert.True(AccessRules.Sees(Caller.InGroups("u", ["丙"]), rules.GroupsOf("a/b/c/x", "a/b/c/x.pdf")));
        Assert.False(AccessRules.Sees(Caller.InGroups("u", ["乙"]), rules.GroupsOf("a/b/c/x", "a/b/c/x.pdf")));
        Assert.False(AccessRules.Sees(Caller.Anonymous, []));
        Assert.True(AccessRules.Sees(Caller.Operator, []));
    }

    [Theory]
    [InlineData("""{ "folders": { "internal/": { "access": "规划科" } } }""")]
    [InlineData("""{ "defaultAccess": [1] }""")]
    [InlineData("""{ "documents": { "x": { "access": {} } } }""")]
    [InlineData("""{ "documents": """)]
    public void Parse_MalformedRules_HideEveryDocumentFromAllButTheOperator(string json)
    {
        var rules = AccessRules.Parse(json);
        Assert.NotNull(rules.Problem);
        Assert.False(AccessRules.Sees(Caller.InGroups("u", ["规划科", "public"]), rules.GroupsOf("x", "x.txt")));
        Assert.True(AccessRules.Sees(Caller.Operator, rules.GroupsOf("x", "x.txt")));
    }

    [Fact]
    public void IndexCheck_AccessOnlyChange_StaysCurrentAndTakesEffectWithoutRebuild()
    {
        var seeds = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var id in new[] { "000_313d8db390bab93c", "004_e4f3d8be122b771a" })
        {
            File.Copy(Path.Combine(RepositoryRoot.Seeds, id + ".txt"), Path.Combine(seeds, id + ".txt"));
        }
        var catalog = Path.Combine(seeds, "catalog.json");
        File.WriteAllText(catalog, """{ "documents": { "004_e4f3d8be122b771a": { "issuer": "西青区发改委" } } }""");
        var options = new IndexOptions { IndexDirectory = Path.Combine(_root, "index"), SeedsDirectory = seeds };
        IndexBuilder.Build(options).ValueOrThrow();
        using var engine = SearchEngine.Open(options).ValueOrThrow();
        Assert.Equal(2, engine.Documents(Caller.Anonymous).Count);

        // Only who may see what changes: the index is current, and the open engine answers by the new rule at once.
        File.WriteAllText(catalog, """
            { "documents": { "004_e4f3d8be122b771a": { "issuer": "西青区发改委", "access": ["规划科"] } },
              "defaultAccess": ["public"] }
            """);
        Assert.Equal(IndexState.Current, IndexBuilder.Check(options));
        Assert.Equal(["000_313d8db390bab93c"], engine.Documents(Caller.Anonymous).Select(d => d.Doc));
        Assert.Equal(2, engine.Documents(Caller.InGroups("u", ["规划科"])).Count);
        var built = IndexBuilder.Build(options).ValueOrThrow();
        Assert.False(built.Rebuilt);
        Assert.Empty(built.ChangedFiles);

        // A change of metadata still makes the index stale.
        File.WriteAllText(catalog, """{ "documents": { "004_e4f3d8be122b771a": { "issuer": "西青区统计局", "access": ["规划科"] } } }""");
        Assert.Equal(IndexState.Stale, IndexBuilder.Check(options));

        // A rule that cannot be read hides everything from callers (never publishes what it meant to keep).
        File.WriteAllText(catalog, """{ "documents": { "004_e4f3d8be122b771a": { "access": "规划科" } } }""");
        Assert.Empty(engine.Documents(Caller.InGroups("u", ["规划科"])));
        Assert.Equal(0, engine.Search(new SearchRequest { Query = "发展", Caller = Caller.Anonymous }).ValueOrThrow().TotalHits);
        Assert.Equal(2, engine.Documents().Count);
    }
}

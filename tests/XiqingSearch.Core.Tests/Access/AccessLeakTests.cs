using System.Text.Json;
using System.Text.Json.Nodes;
using XiqingSearch.Core.Access;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Testing;

namespace XiqingSearch.Core.Tests.Access;

/// <summary>
/// The seeds with one document kept for a folder's group and one for a document rule, and, for every caller, an
/// index built from the seeds without the documents that caller may not see.
/// </summary>
public sealed class AccessIndexFixture : IDisposable
{
    public AccessIndexFixture()
    {
        Corpus = new AccessCorpus();
        Full = Open("full", Corpus.Full);
        WithoutBoth = Open("without-both", Corpus.WithoutBoth);
        WithoutDocumentDoc = Open("without-document-doc", Corpus.WithoutDocumentDoc);
        WithoutFolderDoc = Open("without-folder-doc", Corpus.WithoutFolderDoc);
    }

    internal AccessCorpus Corpus { get; }

    public SearchEngine Full { get; }

    public SearchEngine WithoutBoth { get; }

    public SearchEngine WithoutDocumentDoc { get; }

    public SearchEngine WithoutFolderDoc { get; }

    public void Dispose()
    {
        Full.Dispose();
        WithoutBoth.Dispose();
        WithoutDocumentDoc.Dispose();
        WithoutFolderDoc.Dispose();
        Corpus.Dispose();
    }

    private SearchEngine Open(string name, string seeds)
    {
        var options = new IndexOptions { IndexDirectory = Corpus.IndexFolder(name), SeedsDirectory = seeds };
        IndexBuilder.Build(options).ValueOrThrow();
        return SearchEngine.Open(options).ValueOrThrow();
    }
}

/// <summary>
/// The leak property, engine side: for a caller who may not see a document, every answer of the engine equals the
/// answer of an index built without it (ranking scores aside, hits of a relevance order compared as a set).
/// </summary>
public sealed class AccessLeakTests(AccessIndexFixture index) : IClassFixture<AccessIndexFixture>
{
    private static readonly string[] Common = ["发展", "西青", "天开西青园", "高质量发展", "京津冀协同发展", "乡村振兴", "2023年", "科技"];

    public static TheoryData<string, string> Callers => new()
    {
        { "anonymous", "without-both" },
        { "other", "without-both" },
        { AccessCorpus.FolderGroup, "without-document-doc" },
        { AccessCorpus.DocumentGroup, "without-folder-doc" },
        { AccessCorpus.FolderGroup + "," + AccessCorpus.DocumentGroup, "full" },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public void EveryAnswer_CallerWhoMayNotSeeDocuments_EqualsIndexBuiltWithoutThem(string groups, string reference)
    {
        var caller = groups == "anonymous" ? Caller.Anonymous : Caller.InGroups("someone", groups.Split(','));
        var expected = reference switch
        {
            "without-both" => index.WithoutBoth,
            "without-document-doc" => index.WithoutDocumentDoc,
            "without-folder-doc" => index.WithoutFolderDoc,
            _ => index.Full,
        };
        var compared = 0;
        foreach (var (name, answer) in Answers())
        {
            var got = Normalize(answer(index.Full, caller));
            var want = Normalize(answer(expected, Caller.Operator));
            Assert.True(JsonNode.DeepEquals(want, got), $"{name} for {groups}:\nexpected {want?.ToJsonString()[..Math.Min(600, want.ToJsonString().Length)]}\ngot      {got?.ToJsonString()[..Math.Min(600, got.ToJsonString().Length)]}");
            compared++;
        }
        Assert.True(compared > 100, $"only {compared} answers compared");
    }

    [Fact]
    public void EveryAnswer_HiddenDocuments_AreAbsentForOutsiderButPresentForOperator()
    {
        // The property above would hold trivially if nothing were hidden, or everything: check both sides.
        var outsider = Caller.InGroups("someone", ["other"]);
        var phrase = OnlyIn(AccessCorpus.FolderDoc).First();
        Assert.True(index.Full.Search(new SearchRequest { Query = phrase }).ValueOrThrow().TotalHits > 0);
        Assert.Equal(0, index.Full.Search(new SearchRequest { Query = phrase, Caller = outsider }).ValueOrThrow().TotalHits);
        Assert.Contains(index.Full.Documents(), d => d.Doc == AccessCorpus.FolderDoc);
        Assert.DoesNotContain(index.Full.Documents(outsider), d => d.Doc == AccessCorpus.FolderDoc);
        Assert.True(index.Full.HasDocument(AccessCorpus.DocumentDoc, Caller.InGroups("x", [AccessCorpus.DocumentGroup.ToUpperInvariant()])));
        Assert.Equal(ProblemCodes.NotFound, index.Full.GetDocument(AccessCorpus.DocumentDoc, null, Caller.Anonymous).Problems[0].Code);
    }

    [Fact]
    public void VisibilityKey_CallersWhoSeeTheSameDocuments_ShareOneKeyAndOthersDiffer()
    {
        var engine = index.Full;
        Assert.Equal("all", engine.VisibilityKey(Caller.Operator));
        Assert.Equal("all", engine.VisibilityKey(Caller.InGroups("a", [AccessCorpus.FolderGroup, AccessCorpus.DocumentGroup])));
        Assert.Equal(engine.VisibilityKey(Caller.Anonymous), engine.VisibilityKey(Caller.InGroups("b", ["other", "third"])));
        var keys = new[]
        {
            engine.VisibilityKey(Caller.Anonymous),
            engine.VisibilityKey(Caller.InGroups("c", [AccessCorpus.FolderGroup])),
            engine.VisibilityKey(Caller.InGroups("d", [AccessCorpus.DocumentGroup])),
            "all",
        };
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    private IEnumerable<string> OnlyIn(string doc)
    {
        var texts = index.Full.Documents().Where(d => d.Skipped is null)
            .ToDictionary(d => d.Doc, d => string.Concat(index.Full.GetDocument(d.Doc, null).ValueOrThrow().Paragraphs.Select(p => p.Text)));
        var own = texts[doc];
        for (var i = 0; i + 6 <= own.Length; i += 97)
        {
            var phrase = own.Substring(i, 6);
            if (phrase.All(c => c >= 0x4E00 && c <= 0x9FFF) && texts.Where(t => t.Key != doc).All(t => !t.Value.Contains(phrase, StringComparison.Ordinal)))
            {
                yield return phrase;
            }
        }
    }

    /// <summary>Every kind of answer the engine gives, each named, as a function of the engine and the caller.</summary>
    private List<(string Name, Func<SearchEngine, Caller, object?> Answer)> Answers()
    {
        var hidden = OnlyIn(AccessCorpus.FolderDoc).Take(3).Concat(OnlyIn(AccessCorpus.DocumentDoc).Take(3)).ToList();
        Assert.True(hidden.Count >= 4, "too few phrases only in the restricted documents");
        var phrases = Common.Concat(hidden).ToList();
        var answers = new List<(string, Func<SearchEngine, Caller, object?>)>();
        var docs = new[] { AccessCorpus.FolderDoc, AccessCorpus.DocumentDoc, "000_313d8db390bab93c", "missing" };
        foreach (var phrase in phrases)
        {
            foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Document, SearchSort.Year })
            {
                answers.Add(($"search {phrase} {sort}", (e, c) => R(e.Search(new SearchRequest { Query = phrase, All = true, Sort = sort, Caller = c }))));
            }
            answers.Add(($"search page {phrase}", (e, c) => R(e.Search(new SearchRequest { Query = phrase, Limit = 3, Offset = 2, Sort = SearchSort.Oldest, Caller = c }))));
            // A typo of the phrase: no hits, so hints and did-you-mean from the corpus the caller may see.
            var typo = phrase[..^1] + "鑫";
            answers.Add(($"hints {typo}", (e, c) => R(e.Search(new SearchRequest { Query = typo, Caller = c }))));
            answers.Add(($"suggest {phrase[..1]}", (e, c) => e.Suggest(phrase[..1], 50, c)));
            answers.Add(($"suggest {phrase[..2]}", (e, c) => e.Suggest(phrase[..2], 50, c)));
            foreach (var doc in docs)
            {
                answers.Add(($"search {phrase} doc={doc}", (e, c) => R(e.Search(new SearchRequest { Query = phrase, Docs = [doc], All = true, Sort = SearchSort.Document, Caller = c }))));
            }
            answers.Add(($"search {phrase} year 2021", (e, c) => R(e.Search(new SearchRequest { Query = phrase, Years = [new YearRange(2021, 2021)], Topics = ["科技创新"], All = true, Sort = SearchSort.Document, Caller = c }))));
        }
        answers.Add(("search doc: in the query", (e, c) => R(e.Search(new SearchRequest { Query = "发展 doc:" + AccessCorpus.DocumentDoc, All = true, Sort = SearchSort.Document, Caller = c }))));
        answers.Add(("search unknown topic", (e, c) => R(e.Search(new SearchRequest { Query = "发展", Topics = ["没有的主题"], Caller = c }))));
        answers.Add(("compare", (e, c) => R(e.Compare(new CompareRequest { Phrases = [.. phrases.Take(CompareRequest.MaxPhrases)], Caller = c }))));
        answers.Add(("compare own years", (e, c) => R(e.Compare(new CompareRequest { Phrases = [.. hidden], MultiYear = MultiYearMode.Own, Caller = c }))));
        for (var year = 2019; year <= 2026; year++)
        {
            var y = year;
            answers.Add(($"new-terms {y}", (e, c) => R(e.NewTerms(new NewTermsRequest { Year = y, Limit = 30, Caller = c }))));
        }
        answers.Add(("documents", (e, c) => e.Documents(c)));
        answers.Add(("corpus facets", (e, c) => e.CorpusFacets(c)));
        answers.Add(("stats", (e, c) => e.Stats(c) with { IndexDirectory = "", SizeBytes = 0, BuiltAt = default }));
        foreach (var doc in docs)
        {
            answers.Add(($"document {doc}", (e, c) => R(e.GetDocument(doc, "发展", c))));
            answers.Add(($"paragraph {doc}#1", (e, c) => R(e.GetParagraph(doc, 1, 2, c))));
            answers.Add(($"paragraph {doc}#99999", (e, c) => R(e.GetParagraph(doc, 99999, 2, c))));
            answers.Add(($"original {doc}", (e, c) => e.OriginalFile(doc, null, c) is { IsSuccess: true } found ? found.Value.FileName : R(e.OriginalFile(doc, null, c))));
            answers.Add(($"has {doc}", (e, c) => e.HasDocument(doc, c)));
        }
        return answers;
    }

    private static object? R<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : result.Problems.Select(p => new { p.Code, p.Message }).ToList();

    /// <summary>The answer as JSON, without timings and ranking scores; hits in a fixed order (compared as a set).</summary>
    private static JsonNode? Normalize(object? answer)
    {
        var node = JsonSerializer.SerializeToNode(answer, answer?.GetType() ?? typeof(object), XiqingSearch.Core.Json.XiqingJson.Options);
        Strip(node);
        return node;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("tookMs");
                obj.Remove("score");
                if (obj["hits"] is JsonArray hits)
                {
                    var sorted = hits.Select(h => h!.DeepClone()).OrderBy(h => h["id"]?.ToJsonString(), StringComparer.Ordinal).ToList();
                    hits.Clear();
                    foreach (var hit in sorted)
                    {
                        hits.Add(hit);
                    }
                }
                foreach (var (_, child) in obj.ToList())
                {
                    Strip(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }
                break;
        }
    }
}

using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Ingestion;
using Xunit.Abstractions;

namespace XiqingSearch.Core.Tests.Search.Query;

/// <summary>
/// The seeds rewritten in variant forms, one character for one: every character that has a traditional form gets
/// it, and every fifth such position a look-alike (CJK radical, Kangxi radical or compatibility ideograph) where
/// one exists, as PDF extraction leaves them. Structure characters (numerals, 章节条) are kept so paragraphs,
/// headings and years come out as in the plain seeds.
/// </summary>
public sealed class VariantSeedIndexFixture : IDisposable
{
    private const string Structure = "一二三四五六七八九十百千零〇第章节条款年月日";

    public VariantSeedIndexFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "xiqing-variant-tests-" + Guid.NewGuid().ToString("N"));
        var seeds = Path.Combine(Directory, "seeds");
        System.IO.Directory.CreateDirectory(seeds);
        foreach (var file in System.IO.Directory.GetFiles(SeedsFolder.Path))
        {
            File.WriteAllText(Path.Combine(seeds, Path.GetFileName(file)), Rewrite(File.ReadAllText(file)));
        }
        // The year is read from the text's own words (报告, 年度…); the catalog gives the plain seeds' years instead.
        var years = CorpusReader.ReadAll(SeedsFolder.Path).ValueOrThrow()
            .Select(d => $"\"{d.File.Id}\": {{ \"year\": {d.Year} }}");
        File.WriteAllText(Path.Combine(seeds, "catalog.json"), $"{{ \"documents\": {{ {string.Join(", ", years)} }} }}");
        var options = new IndexOptions { IndexDirectory = Path.Combine(Directory, "index"), SeedsDirectory = seeds };
        var built = IndexBuilder.Build(options);
        Assert.True(built.IsSuccess, string.Join("; ", built.Problems));
        Engine = SearchEngine.Open(options).ValueOrThrow();
        Paragraphs = [.. CorpusReader.ReadAll(seeds).ValueOrThrow().SelectMany(d => d.Paragraphs)];
    }

    /// <summary>The rewritten corpus's paragraphs, as ingestion made them (the brute-force ground truth).</summary>
    public IReadOnlyList<Paragraph> Paragraphs { get; }

    public string Directory { get; }

    public SearchEngine Engine { get; }

    /// <summary>Simplified → one of its variant forms of <paramref name="kind"/> (the first in the table).</summary>
    public static Dictionary<char, char> Reverse(params string[] kinds)
    {
        var reverse = new Dictionary<char, char>();
        foreach (var (source, target, kind) in VariantFolding.Pairs())
        {
            if (kinds.Contains(kind))
            {
                reverse.TryAdd(target, source);
            }
        }
        return reverse;
    }

    public static string Rewrite(string text)
    {
        var traditional = Reverse("traditional");
        var lookAlike = Reverse("radical", "kangxi", "compatibility");
        var chars = text.ToCharArray();
        var eligible = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (Structure.Contains(c))
            {
                continue;
            }
            var hasTraditional = traditional.TryGetValue(c, out var t);
            var hasLookAlike = lookAlike.TryGetValue(c, out var l);
            if (!hasTraditional && !hasLookAlike)
            {
                continue;
            }
            eligible++;
            chars[i] = hasLookAlike && (eligible % 5 == 0 || !hasTraditional) ? l : t;
        }
        return new string(chars);
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

/// <summary>
/// Variant folding on both sides: a phrase typed in traditional or look-alike characters finds exactly what the
/// plain phrase finds, and the plain phrase finds the same paragraphs and spans in the seeds rewritten in variant
/// characters, with highlights on the text as stored.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class VariantRecallTests(SeedIndexFixture index, VariantSeedIndexFixture variants, ITestOutputHelper output)
    : IClassFixture<VariantSeedIndexFixture>
{
    [Theory]
    [InlineData("traditional")]
    [InlineData("radical")]
    [InlineData("kangxi")]
    [InlineData("compatibility")]
    public void Search_PhraseTypedInVariantForms_SameHitsAndSpansAsPlain(string kind)
    {
        var reverse = VariantSeedIndexFixture.Reverse(kind);
        var phrases = Phrases().Select(p => (Plain: p, Variant: new string([.. p.Select(c => reverse.GetValueOrDefault(c, c))])))
            .Where(p => p.Variant != p.Plain)
            .ToList();
        var failures = Compare(phrases.Select(p => (p.Plain, index.Engine, p.Variant, index.Engine)));
        output.WriteLine($"{kind}: {phrases.Count} phrases in {kind} form, {phrases.Count - failures.Count} with the plain form's hits and spans");
        Assert.True(phrases.Count >= (kind == "traditional" ? 300 : 20), $"only {phrases.Count} {kind} phrases");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Search_PlainPhraseInVariantText_MatchesBruteForceExactly()
    {
        // Ground truth: the brute-force scan (folding from ICU and Unicode, not the engine's table) over the
        // rewritten corpus's own paragraphs, so paragraph splitting of the rewritten text does not enter.
        var phrases = Phrases();
        var failures = new List<string>();
        var tested = 0;
        foreach (var phrase in phrases)
        {
            var expected = variants.Paragraphs
                .Select(p => (Id: $"{p.Doc}#{p.Number}", Spans: BruteForce.Occurrences(p.Text, phrase)))
                .Where(p => p.Spans.Count > 0)
                .Select(p => $"{p.Id}:{string.Join(",", p.Spans)}")
                .Order().ToList();
            var actual = Search(variants.Engine, Quote(phrase)).Hits
                .Select(h => $"{h.Id}:{string.Join(",", h.Highlights)}").Order().ToList();
            if (expected.Count == 0 && actual.Count == 0)
            {
                continue;   // a table-row phrase whose row the rewritten text splits differently: nothing to compare
            }
            tested++;
            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{phrase}: {expected.Count} paragraphs expected, {actual.Count} found");
            }
        }
        output.WriteLine($"index side: {tested} plain phrases, {tested - failures.Count} with exactly the brute-force paragraphs and spans in the variant seeds");
        Assert.True(tested >= 300);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Search_VariantText_StoredAsTheSourceSaysAndHighlightedThere()
    {
        var response = Search(variants.Engine, "天开西青园");
        Assert.Equal(5, response.TotalHits);
        Assert.Equal(8, response.TotalOccurrences);
        var typed = VariantSeedIndexFixture.Rewrite("天开西青园");
        Assert.NotEqual("天开西青园", typed);
        Assert.All(response.Hits, h => Assert.All(h.Highlights, s => Assert.Equal(typed, h.Text[s.Start..s.End])));
    }

    [Theory]
    [InlineData("天開西青園")]
    [InlineData("天开西\u2ED8园")]   // ⻘ CJK RADICAL BLUE
    [InlineData("“天開西青園”")]
    public void Search_IssueExamples_FindTheSeedsOccurrences(string query)
    {
        var response = Search(index.Engine, query);
        Assert.Equal(5, response.TotalHits);
        Assert.Equal(8, response.TotalOccurrences);
        Assert.Equal(Search(index.Engine, "發展").TotalOccurrences, Search(index.Engine, "发展").TotalOccurrences);
    }

    private List<string> Phrases()
    {
        var random = new Random(20261201);
        var phrases = new List<string>();
        foreach (var (_, paragraph) in index.Paragraphs)
        {
            var text = BruteForce.NormalizeQuery(paragraph.Text);
            if (text.Length < 6)
            {
                continue;
            }
            var length = random.Next(2, Math.Min(9, text.Length + 1));
            var start = random.Next(0, text.Length - length + 1);
            phrases.Add(text.Substring(start, length));
        }
        return [.. phrases.Distinct()];
    }

    private static List<string> Compare(IEnumerable<(string Expected, SearchEngine ExpectedIn, string Actual, SearchEngine ActualIn)> pairs)
    {
        var failures = new List<string>();
        foreach (var (expectedQuery, expectedIn, actualQuery, actualIn) in pairs)
        {
            var expected = Search(expectedIn, Quote(expectedQuery));
            var actual = Search(actualIn, Quote(actualQuery));
            // Source lines, not paragraph numbers, name a paragraph across the two corpora: the rewrite is one
            // character for one, so the same paragraph sits on the same lines with the same offsets.
            var e = expected.Hits.Select(Key).Order().ToList();
            var a = actual.Hits.Select(Key).Order().ToList();
            if (!e.SequenceEqual(a) || expected.TotalOccurrences != actual.TotalOccurrences || e.Count == 0)
            {
                failures.Add($"{expectedQuery} / {actualQuery}: {e.Count} vs {a.Count} paragraphs, {expected.TotalOccurrences} vs {actual.TotalOccurrences} occurrences");
            }
        }
        return failures;
    }

    private static string Key(SearchHit hit) => $"{hit.Doc}:{hit.FirstLine}-{hit.LastLine}:{string.Join(",", hit.Highlights)}";

    private static SearchResponse Search(SearchEngine engine, string query)
    {
        var result = engine.Search(new SearchRequest { Query = query, All = true });
        Assert.True(result.IsSuccess, $"{query}: {string.Join("; ", result.Problems)}");
        return result.Value;
    }

    private static string Quote(string phrase) =>
        "\"" + phrase.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

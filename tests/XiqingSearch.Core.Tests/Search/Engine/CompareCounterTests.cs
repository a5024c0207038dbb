using XiqingSearch.Core.Access;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;
using XiqingSearch.Core.Tests.Ingestion;

namespace XiqingSearch.Core.Tests.Search.Engine;

/// <summary>
/// A comparison counts its phrases without running a search per phrase (<see cref="CompareCounter"/>), so every
/// cell is held equal to what <see cref="SearchEngine.Search(SearchRequest)"/> answers for the phrase with the
/// cell's year and the comparison's filters: paragraphs (<c>totalHits</c>), occurrences (<c>totalOccurrences</c>)
/// and documents (the document facet's values).
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class CompareCounterTests(SeedIndexFixture index) : IDisposable
{
    /// <summary>Rare, medium and common phrases, single characters, variants folded by matching, numbers and query syntax.</summary>
    private static readonly string[] Chosen =
    [
        "天开西青园", "中芯国际", "专精特新", "京津冀协同发展", "高质量发展", "西青区", "发展", "天津",
        "水", "区", "年", "5", "G", "哈哈", "西青西",
        // Variants matching folds: traditional characters, full-width letters and digits, spacing.
        "發展", "５Ｇ", "高 质量", "２０２３年",
        // Query syntax: AND, OR, NOT, fields, prefix-free single characters beside phrases.
        "西青 天开", "天开 OR 中芯国际", "发展 NOT 天津", "发 OR 展", "title:西青", "chapter:发展", "\"350亿元\"",
        // Nothing found.
        "不存在的短语甲乙",
    ];

    private readonly string _sources = CopySeeds();

    [Fact]
    public void Compare_ManyPhrases_EveryCellEqualsSearchOfItsYear()
    {
        var phrases = Chosen.Concat(SampledPhrases(seed: 36, count: 70)).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(phrases.Count >= 80);
        AssertCellsEqualSearch(index.Engine, new CompareRequest { Phrases = phrases });
    }

    [Fact]
    public void Compare_WithFilters_EveryCellEqualsSearchWithTheSameFilters()
    {
        var phrases = Chosen.Concat(SampledPhrases(seed: 7, count: 20)).Distinct(StringComparer.Ordinal).ToList();
        var topics = index.Engine.CorpusFacets().Topic.Take(3).Select(t => t.Value).ToList();
        var docs = index.Engine.Documents().Take(3).Select(d => d.Doc).ToList();
        AssertCellsEqualSearch(index.Engine, new CompareRequest { Phrases = phrases, Topics = topics });
        AssertCellsEqualSearch(index.Engine, new CompareRequest { Phrases = phrases, Docs = docs, Kinds = ["paragraph", "heading"] });
        AssertCellsEqualSearch(index.Engine, new CompareRequest { Phrases = phrases, Years = [new YearRange(2023, 2024)] });
        // Every filter of the shared set, the heading filter (which narrows the query itself) among them.
        var issuers = index.Engine.CorpusFacets().Issuer.Take(1).Select(i => i.Value).ToList();
        AssertCellsEqualSearch(index.Engine, new CompareRequest
        {
            Phrases = phrases,
            Filters = Filters.None with { Headings = ["一"], Types = ["work-report", "annual-plan"], Issuers = issuers },
        });
    }

    [Fact]
    public void Compare_PhraseOfASynonymGroup_CountsEveryVariantAsSearchDoes()
    {
        File.WriteAllText(Path.Combine(_sources, SynonymTable.FileName), "天开西青园,赛达新城\n高质量发展,高水平发展\n");
        using var engine = SearchEngine.Open(index.Options with { SeedsDirectory = _sources }).ValueOrThrow();
        var request = new CompareRequest { Phrases = ["天开西青园", "高质量发展", "exact:天开西青园", "exact:赛达新城", "赛达新城", "发展"] };
        AssertCellsEqualSearch(engine, request);
        // The expansion is really applied: the group's phrase counts both variants, exact: only itself.
        var rows = engine.Compare(request).ValueOrThrow().Rows;
        Assert.Equal(rows[2].Total + rows[3].Total, rows[0].Total);
        Assert.True(rows[2].Total > 0 && rows[3].Total > 0, "both variants occur in the seeds");
        Assert.Equal(rows[0].Total, rows[4].Total);
    }

    [Fact]
    public void Compare_CallerWhoSeesSomeDocuments_EveryCellEqualsTheCallersSearch()
    {
        var hidden = index.Engine.Documents()[0];
        File.WriteAllText(Path.Combine(_sources, Catalog.FileName), "{\"documents\": {\"" + hidden.Doc + "\": {\"access\": [\"staff\"]}}}");
        using var engine = SearchEngine.Open(index.Options with { SeedsDirectory = _sources }).ValueOrThrow();
        var caller = Caller.Anonymous;
        Assert.DoesNotContain(engine.Documents(caller), d => d.Doc == hidden.Doc);
        var request = new CompareRequest { Phrases = [.. Chosen], Caller = caller };
        AssertCellsEqualSearch(engine, request);
        var operatorTotal = engine.Compare(request with { Caller = Caller.Operator }).ValueOrThrow().Rows.Sum(r => r.Total);
        var callerTotal = engine.Compare(request).ValueOrThrow().Rows.Sum(r => r.Total);
        Assert.True(callerTotal < operatorTotal, $"hiding {hidden.Doc} removes occurrences ({callerTotal} of {operatorTotal})");
    }

    [Fact]
    public void Compare_CopiesOfParagraphsAcrossYearsAndCallers_EveryCellEqualsSearch()
    {
        // Each seed filed three times: the copies share every paragraph's text but their last line, one copy is
        // dated to another year and one is hidden from anonymous callers; the comparison matches each distinct text
        // once and must still count every copy where search does.
        var files = Directory.GetFiles(SeedsFolder.Path).Where(f => f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var catalog = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            for (var copy = 1; copy <= 2; copy++)
            {
                File.WriteAllText(Path.Combine(_sources, $"{name}~{copy}.txt"), File.ReadAllText(file) + $"\n\n副本 {copy}\n");
            }
            catalog.Add($"\"{name}~1\": {{\"year\": 2019}}, \"{name}~2\": {{\"access\": [\"staff\"]}}");
        }
        File.WriteAllText(Path.Combine(_sources, Catalog.FileName), "{\"documents\": {" + string.Join(", ", catalog) + "}}");
        var options = index.Options with { SeedsDirectory = _sources, IndexDirectory = _sources + "-index" };
        Assert.True(IndexBuilder.Build(options, progress: null, force: true).IsSuccess);
        using var engine = SearchEngine.Open(options).ValueOrThrow();
        var phrases = Chosen.Concat(SampledPhrases(seed: 3, count: 20)).Distinct(StringComparer.Ordinal).ToList();
        var request = new CompareRequest { Phrases = phrases };
        AssertCellsEqualSearch(engine, request);
        AssertCellsEqualSearch(engine, request with { Caller = Caller.Anonymous });
        AssertCellsEqualSearch(engine, request with { Kinds = ["paragraph"], Years = [new YearRange(2019, 2023)] });
        // The copies are counted: three of each paragraph of 发展 where the seeds alone have one.
        var seedsOnly = index.Engine.Compare(new CompareRequest { Phrases = ["发展"] }).ValueOrThrow().Rows[0];
        var copied = engine.Compare(new CompareRequest { Phrases = ["发展"] }).ValueOrThrow().Rows[0];
        Assert.Equal(3 * seedsOnly.Cells.Sum(c => c.Paragraphs), copied.Cells.Sum(c => c.Paragraphs));
        Assert.Contains(copied.Cells, c => c.Year == 2019 && c.Paragraphs > 0);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    [InlineData(303)]
    public void Compare_RandomPhrasesOfTheSeedsAsTyped_EveryCellEqualsSearchWithAndWithoutFilters(int seed)
    {
        // Phrases cut from the paragraphs as written (punctuation, Latin letters, digits and spaces kept), some with
        // their characters turned into variants that matching folds (traditional forms, full-width letters and
        // digits): most compile to one exact phrase or one character, which the comparison counts in one pass over
        // the postings; the rest (spaces make two phrases, punctuation may be query syntax) as search runs them.
        var random = new Random(seed);
        var phrases = new List<string>();
        var refused = new List<string>();
        while (phrases.Count < CompareRequest.MaxPhrases)
        {
            var phrase = TypedPhrase(random);
            if (phrase.Trim().Length == 0 || phrases.Contains(phrase.Trim(), StringComparer.Ordinal))
            {
                continue;
            }
            // A phrase search refuses (an unbalanced quote, a lone operator) must be refused by the comparison too.
            if (index.Engine.Search(new SearchRequest { Query = phrase.Trim() }).IsSuccess)
            {
                phrases.Add(phrase.Trim());
            }
            else
            {
                refused.Add(phrase.Trim());
            }
        }
        AssertCellsEqualSearch(index.Engine, new CompareRequest { Phrases = phrases });
        var topics = index.Engine.CorpusFacets().Topic.Take(2).Select(t => t.Value).ToList();
        AssertCellsEqualSearch(index.Engine, new CompareRequest { Phrases = phrases, Topics = topics, Kinds = ["paragraph"] });
        AssertCellsEqualSearch(index.Engine, new CompareRequest { Phrases = phrases, Years = [new YearRange(2023, 2025)], Caller = Caller.Anonymous });
        AssertCellsEqualSearch(index.Engine, new CompareRequest { Phrases = phrases, Filters = Filters.None with { Headings = ["发展"] } });
        foreach (var bad in refused.Take(5))
        {
            var compared = index.Engine.Compare(new CompareRequest { Phrases = [phrases[0], bad] });
            Assert.False(compared.IsSuccess, $"{bad}: search refuses it, the comparison counted it");
        }
    }

    private static readonly System.Buffers.SearchValues<char> LatinOrDigit =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Full-width forms and traditional characters by the simplified form matching folds them to.</summary>
    private static readonly Dictionary<char, char> VariantOf = VariantFolding.Pairs()
        .GroupBy(p => p.Target).ToDictionary(g => g.Key, g => g.First().Source);

    /// <summary>
    /// A piece of 1–8 characters of a random paragraph as written, started at a Latin letter or digit one time in
    /// four (they are few), with each character replaced by a variant one time in three when it has one.
    /// </summary>
    private string TypedPhrase(Random random)
    {
        var text = index.Paragraphs[random.Next(index.Paragraphs.Count)].Paragraph.Text;
        if (text.Length < 2)
        {
            return string.Empty;
        }
        var length = Math.Min(random.Next(1, 9), text.Length);
        var start = random.Next(0, text.Length - length + 1);
        if (random.Next(4) == 0 && text.AsSpan().IndexOfAny(LatinOrDigit) is >= 0 and var latin)
        {
            start = Math.Min(latin, text.Length - length);
        }
        var chars = text.Substring(start, length).ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (random.Next(3) == 0)
            {
                chars[i] = char.IsAsciiLetterOrDigit(chars[i]) ? (char)(chars[i] + 0xFEE0) : VariantOf.GetValueOrDefault(chars[i], chars[i]);
            }
        }
        return new string(chars);
    }

    /// <summary>Each cell of the comparison equals the search of its phrase in its year, with the same filters and caller.</summary>
    internal static void AssertCellsEqualSearch(SearchEngine engine, CompareRequest request)
    {
        var result = engine.Compare(request).ValueOrThrow();
        Assert.Equal(request.Phrases.Count, result.Rows.Count);
        var found = 0;
        foreach (var row in result.Rows)
        {
            Assert.Equal(result.Years, row.Cells.Select(c => c.Year));
            foreach (var cell in row.Cells)
            {
                var searched = engine.Search(CompareCounter.RequestFor(row.Phrase, request) with
                {
                    Years = [new YearRange(cell.Year, cell.Year)],
                    All = true,
                });
                Assert.True(searched.IsSuccess, $"{row.Phrase}: {string.Join("; ", searched.Problems)}");
                var search = searched.Value;
                var documents = search.Facets.Doc.Count(d => d.Count > 0 && (request.Docs.Count == 0 || request.Docs.Contains(d.Value)));
                Assert.True((search.TotalOccurrences, search.TotalHits, documents) == (cell.Occurrences, cell.Paragraphs, cell.Documents),
                    $"{row.Phrase} in {cell.Year}: compare {(cell.Occurrences, cell.Paragraphs, cell.Documents)}, " +
                    $"search {(search.TotalOccurrences, search.TotalHits, documents)}");
                found += cell.Paragraphs;
            }
        }
        Assert.True(found > 0, "the phrases are found somewhere");
    }

    /// <summary>Substrings of 1–6 characters of random paragraphs, as typed (not normalised).</summary>
    private List<string> SampledPhrases(int seed, int count)
    {
        var random = new Random(seed);
        var phrases = new List<string>();
        while (phrases.Count < count)
        {
            var (_, paragraph) = index.Paragraphs[random.Next(index.Paragraphs.Count)];
            var text = MatchFolding.Normalize(paragraph.Text);
            if (text.Length < 8)
            {
                continue;
            }
            var length = random.Next(1, 7);
            var start = random.Next(0, text.Length - length + 1);
            var phrase = text.Substring(start, length);
            if (phrase.All(c => char.IsAsciiLetterOrDigit(c) || c is >= (char)0x4E00 and <= (char)0x9FFF))
            {
                phrases.Add(phrase);
            }
        }
        return phrases;
    }

    private static string CopySeeds()
    {
        var folder = Directory.CreateTempSubdirectory("xiqing-compare-").FullName;
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
            if (Directory.Exists(_sources + "-index"))
            {
                Directory.Delete(_sources + "-index", recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

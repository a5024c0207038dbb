using System.Text;
using Lucene.Net.Index;
using XiqingSearch.Core.Access;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Tests.Indexing;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace XiqingSearch.Core.Tests.Search.Analytics;

/// <summary>
/// The per-paragraph digests written with the commit (<see cref="ParagraphDigest"/>, read by
/// <see cref="CommitDigests"/>): every paragraph has them, they are what analysing its text gives, and an
/// incremental build leaves an index whose new-terms, suggestions and compare sizes equal a full build's.
/// </summary>
public sealed class CommitDigestsTests
{
    private const string NewParagraph = "天开西青园数智港建设全面启动，数智港引进企业四十家，数智港人才公寓投入使用。";

    [Fact]
    public void Build_EveryParagraph_HasItsDigestAsItsTextGivesIt()
    {
        using var work = new TempWorkspace();
        IndexBuilder.Build(work.Options).ValueOrThrow();
        using var smartCn = new SmartCnAnalyzer(SmartCnDictionary.Shared(SmartCnOptions.For(null)));
        using var directory = FSDirectory.Open(work.Index);
        using var reader = DirectoryReader.Open(directory);

        var checkedParagraphs = 0;
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var hashes = atomic.GetNumericDocValues(FieldNames.TextHash);
            var characters = atomic.GetNumericDocValues(FieldNames.Characters);
            Assert.NotNull(hashes);
            Assert.NotNull(characters);
            for (var i = 0; i < atomic.MaxDoc; i++)
            {
                if (atomic.LiveDocs is { } live && !live.Get(i))
                {
                    continue;
                }
                var stored = atomic.Document(i);
                var text = stored.Get(FieldNames.Text);
                var words = stored.GetBinaryValue(FieldNames.Words);
                Assert.NotNull(words);
                Assert.Equal(ParagraphDigest.Hash(text), hashes.Get(i));
                Assert.Equal(ParagraphDigest.Characters(text), characters.Get(i));
                Assert.Equal(ParagraphDigest.Words(smartCn, text),
                    ParagraphDigest.DecodeWords(words.Bytes.AsSpan(words.Offset, words.Length), text.Length));
                checkedParagraphs++;
            }
        }
        Assert.True(checkedParagraphs > 100, $"{checkedParagraphs} paragraphs");
    }

    [Fact]
    public void Build_OneSeedChanged_AnswersEqualAFullBuildOfTheSameSeeds()
    {
        using var incremental = new TempWorkspace();
        IndexBuilder.Build(incremental.Options).ValueOrThrow();
        // The newest year's document gains a paragraph: new-terms of that year and the suggestions must see it.
        var (seed, year, sizeBefore) = Newest(incremental);
        var changed = incremental.SeedPath(seed);
        File.AppendAllText(changed, $"\n\n{NewParagraph}\n", Encoding.UTF8);
        var report = IndexBuilder.Build(incremental.Options).ValueOrThrow();
        Assert.Equal([Path.GetFileName(changed)], report.ChangedFiles);

        using var full = new TempWorkspace(copySeeds: false);
        foreach (var file in Directory.GetFiles(incremental.Seeds))
        {
            File.Copy(file, Path.Combine(full.Seeds, Path.GetFileName(file)));
        }
        IndexBuilder.Build(full.Options, progress: null, force: true).ValueOrThrow();

        using var a = SearchEngine.Open(incremental.Options).ValueOrThrow();
        using var b = SearchEngine.Open(full.Options).ValueOrThrow();
        var termsA = a.NewTerms(new NewTermsRequest { Year = year, Limit = 40 }).ValueOrThrow();
        var termsB = b.NewTerms(new NewTermsRequest { Year = year, Limit = 40 }).ValueOrThrow();
        Assert.Equal(termsB.Appeared.Select(t => (t.Term, t.Occurrences, t.Paragraphs)), termsA.Appeared.Select(t => (t.Term, t.Occurrences, t.Paragraphs)));
        Assert.Equal(termsB.Disappeared.Select(t => (t.Term, t.LastYear, t.Occurrences)), termsA.Disappeared.Select(t => (t.Term, t.LastYear, t.Occurrences)));

        foreach (var typed in new[] { "天开西青园", "数智", "发展" })
        {
            Assert.Equal(b.Suggest(typed, 20).Suggestions, a.Suggest(typed, 20).Suggestions);
        }
        Assert.Contains(a.Suggest("数智", 20).Suggestions, s => s.Text.StartsWith("数智港", StringComparison.Ordinal));

        var compareA = a.Compare(new CompareRequest { Phrases = ["天开西青园", "发展"] }).ValueOrThrow();
        var compareB = b.Compare(new CompareRequest { Phrases = ["天开西青园", "发展"] }).ValueOrThrow();
        Assert.Equal(compareB.Rows.SelectMany(r => r.Cells).Select(c => (c.Year, c.Characters, c.Occurrences)),
            compareA.Rows.SelectMany(r => r.Cells).Select(c => (c.Year, c.Characters, c.Occurrences)));
        // The changed document's part was rewritten: its year grew by exactly the new paragraph's characters.
        Assert.Equal(sizeBefore + ParagraphDigest.Characters(NewParagraph), compareA.Rows[0].Cells.Single(c => c.Year == year && c.Period is null).Characters);
    }

    [Fact]
    public void Refresh_OneSeedChangedAfterAnswersWereKept_AnswersEqualAFreshEngineForEveryCaller()
    {
        using var work = new TempWorkspace();
        // The first seed is hidden from everyone but one group: the anonymous caller's view subtracts its part.
        var hidden = Path.GetFileNameWithoutExtension(Directory.GetFiles(work.Seeds, "*.txt").Order(StringComparer.Ordinal).First());
        File.WriteAllText(Path.Combine(work.Seeds, "catalog.json"), $$"""{ "documents": { "{{hidden}}": { "access": ["规划科"] } } }""");
        IndexBuilder.Build(work.Options).ValueOrThrow();
        var (seed, year, _) = Newest(work);
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        var callers = new[] { Caller.Operator, Caller.Anonymous };
        // Asked before the change, so the answers, the per-group texts and the confirmations are kept with the old commit.
        engine.PrepareAnalytics();
        var before = callers.Select(c => Answers(engine, year, c)).ToList();
        Assert.NotEqual(before[0], before[1]);

        File.AppendAllText(work.SeedPath(seed), $"\n\n{NewParagraph}\n", Encoding.UTF8);
        IndexBuilder.Build(work.Options).ValueOrThrow();
        Assert.True(engine.Refresh());
        using var fresh = SearchEngine.Open(work.Options).ValueOrThrow();
        foreach (var caller in callers)
        {
            var got = Answers(engine, year, caller);
            Assert.Equal(Answers(fresh, year, caller), got);
            Assert.Contains("数智港", got, StringComparison.Ordinal);
        }
    }

    /// <summary>New-terms of <paramref name="year"/> and completions of 数智 for <paramref name="caller"/>, as one text.</summary>
    private static string Answers(SearchEngine engine, int year, Caller caller)
    {
        var terms = engine.NewTerms(new NewTermsRequest { Year = year, Caller = caller }).ValueOrThrow();
        var suggestions = engine.Suggest("数智", 20, caller).Suggestions;
        return string.Join("\n", terms.Appeared.Select(t => $"+{t.Term} {t.Occurrences} {t.Paragraphs}")
            .Concat(terms.Disappeared.Select(t => $"-{t.Term} {t.LastYear} {t.Occurrences}"))
            .Concat(suggestions.Select(s => $"?{s.Text} {s.Occurrences} {s.Kind}")));
    }

    /// <summary>The seed of the newest year (by position in file-name order), that year, and its characters.</summary>
    private static (int Seed, int Year, long Characters) Newest(TempWorkspace work)
    {
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        var newest = engine.Documents().Where(d => d.Year is not null).OrderByDescending(d => d.Year).First();
        var files = Directory.GetFiles(work.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(Path.GetFileNameWithoutExtension).ToList();
        var compare = engine.Compare(new CompareRequest { Phrases = ["发展"] }).ValueOrThrow();
        var size = compare.Rows[0].Cells.Single(c => c.Year == newest.Year && c.Period is null).Characters;
        return (files.IndexOf(newest.Doc), newest.Year!.Value, size);
    }
}

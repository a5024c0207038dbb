using System.Text;
using XiqingSearch.Core.Access;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Suggestions;
using XiqingSearch.Core.Tests.Indexing;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace XiqingSearch.Core.Tests.Search.Analytics;

/// <summary>
/// The analytics file the build writes beside each commit (<see cref="CommitAnalytics"/>): what it holds equals
/// what a process works out in memory without it, for every caller; an incremental build's file gives a full
/// build's answers; a damaged, cut, foreign or missing file is ignored and the answers stay the same.
/// </summary>
public sealed class CommitAnalyticsTests
{
    private const string NewParagraph = "天开西青园数智港建设全面启动，数智港引进企业四十家，数智港人才公寓投入使用。";

    private static readonly string[] s_typed = ["天开西青园", "数智", "发展", "高质量", "西青", "专精特新"];

    [Fact]
    public void Build_Seeds_WritesOneFileWhoseAggregatesEqualTheInMemoryOnes()
    {
        using var work = new TempWorkspace();
        HideFirstSeed(work);
        IndexBuilder.Build(work.Options).ValueOrThrow();
        var files = AnalyticsFiles(work);
        Assert.Single(files);

        using var folder = FSDirectory.Open(work.Index);
        var searcher = CommitLoader.Open(folder);
        try
        {
            var table = searcher.Table;
            Assert.Equal(CommitAnalytics.FileName(searcher.Generation), Path.GetFileName(files[0]));
            CommitAnalytics.Attach(table, work.Index);

            var written = CommitDigests.FromFile(table);
            Assert.NotNull(written);
            var computed = CommitDigests.LoadFromDocValues(table);
            Assert.Equal(computed.TextCount, written.TextCount);
            Assert.Equal(computed.DocumentCharacters, written.DocumentCharacters);
            Assert.Equal(Enumerable.Range(0, computed.TextCount).Select(computed.KeyOfText), Enumerable.Range(0, written.TextCount).Select(written.KeyOfText));
            foreach (var document in table.AllDocuments)
            {
                Assert.Equal(computed.PartsOf(document), written.PartsOf(document));
                Assert.Equal(computed.RowsOf(document), written.RowsOf(document));
                Assert.Equal(computed.RowsOf(document).Select(computed.KeyOf), written.RowsOf(document).Select(written.KeyOf));
            }
            Assert.True(computed.TextCount > 100, $"{computed.TextCount} texts");

            using var smartCn = new SmartCnAnalyzer(SmartCnDictionary.Shared(SmartCnOptions.For(null)));
            var entries = SuggestionIndex.FromFile(table, smartCn);
            Assert.NotNull(entries);
            var built = SuggestionIndex.BuildFromTexts(table, smartCn);
            Assert.Equal(built.Entries, entries.Entries);
            Assert.True(built.Count > 100, $"{built.Count} entries");
            Assert.Equal(built.Texts, entries.Texts);
        }
        finally
        {
            searcher.IndexReader.DecRef();
        }

        // Whole answers, for a caller who sees everything and one who does not: with the file, then without it.
        var withFile = AllAnswers(work);
        foreach (var file in files)
        {
            File.Delete(file);
        }
        var withoutFile = AllAnswers(work);
        Assert.Equal(withoutFile, withFile);
    }

    [Fact]
    public void Build_OneSeedChanged_FileGivesAFullBuildsAnswersAndReplacesTheOldOne()
    {
        using var incremental = new TempWorkspace();
        HideFirstSeed(incremental);
        IndexBuilder.Build(incremental.Options).ValueOrThrow();
        var before = AnalyticsFiles(incremental).Single();
        var newest = Directory.GetFiles(incremental.Seeds, "*.txt").Order(StringComparer.Ordinal).Last();
        File.AppendAllText(newest, $"\n\n{NewParagraph}\n", Encoding.UTF8);
        var report = IndexBuilder.Build(incremental.Options).ValueOrThrow();
        Assert.Equal([Path.GetFileName(newest)], report.ChangedFiles);
        var after = AnalyticsFiles(incremental).Single();
        Assert.NotEqual(before, after);

        using var full = new TempWorkspace(copySeeds: false);
        foreach (var file in Directory.GetFiles(incremental.Seeds))
        {
            File.Copy(file, Path.Combine(full.Seeds, Path.GetFileName(file)));
        }
        IndexBuilder.Build(full.Options, progress: null, force: true).ValueOrThrow();
        Assert.Single(AnalyticsFiles(full));

        // Each document's part as the file holds it (its texts by identity, with paragraphs and headings): the
        // incremental commit's equals the full build's, whatever doc ids the two commits gave the paragraphs.
        var parts = WrittenParts(incremental);
        Assert.Equal(WrittenParts(full), parts);
        var added = $"{ParagraphDigest.Hash(NewParagraph):x} {ParagraphDigest.Characters(NewParagraph)} 1 0";
        Assert.Single(parts, p => p.Contains(added, StringComparison.Ordinal));

        var answers = AllAnswers(incremental);
        Assert.Equal(AllAnswers(full), answers);
        Assert.Contains("数智港", answers, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    [InlineData("other-commit")]
    [InlineData("garbage")]
    public void Open_DamagedFile_IgnoredAndTheAnswersUnchanged(string damage)
    {
        using var work = new TempWorkspace();
        HideFirstSeed(work);
        IndexBuilder.Build(work.Options).ValueOrThrow();
        var file = AnalyticsFiles(work).Single();
        var expected = AllAnswers(work);
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
                break;
            case "flipped":
                bytes[bytes.Length / 3] ^= 0x5A;
                File.WriteAllBytes(file, bytes);
                break;
            case "empty":
                File.WriteAllBytes(file, []);
                break;
            case "other-commit":
                // This commit's file missing, another commit's present: it is never paired with this commit.
                var generation = BitConverter.ToInt64(bytes, 8);
                File.Move(file, Path.Combine(work.Index, CommitAnalytics.FileName(generation + 1)));
                break;
            default:
                File.WriteAllBytes(file, Encoding.UTF8.GetBytes(new string('x', bytes.Length)));
                break;
        }

        Assert.Equal(expected, AllAnswers(work));
        using var folder = FSDirectory.Open(work.Index);
        var searcher = CommitLoader.Open(folder);
        try
        {
            CommitAnalytics.Attach(searcher.Table, work.Index);
            Assert.Null(CommitAnalytics.Of(searcher.Table));
            Assert.Null(CommitDigests.FromFile(searcher.Table));
        }
        finally
        {
            searcher.IndexReader.DecRef();
        }
    }

    /// <summary>
    /// New-terms of every year (default and a larger limit), completions of a few prefixes and compare's sizes,
    /// for the operator and the anonymous caller (who does not see the first seed), from a fresh engine.
    /// </summary>
    private static string AllAnswers(TempWorkspace work)
    {
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        var lines = new List<string>();
        foreach (var caller in new[] { Caller.Operator, Caller.Anonymous })
        {
            var years = engine.Documents(caller).Where(d => d.Year is not null).Select(d => d.Year!.Value).Distinct().Order().ToList();
            Assert.True(years.Count >= 3, $"{years.Count} years");
            foreach (var year in years)
            {
                foreach (var limit in new[] { NewTermsRequest.DefaultLimit, 45 })
                {
                    var terms = engine.NewTerms(new NewTermsRequest { Year = year, Limit = limit, Caller = caller }).ValueOrThrow();
                    lines.Add($"{caller.User} {year} {limit} {terms.Since} {string.Join(",", terms.EarlierYears)} {terms.UnknownYearParagraphs}");
                    lines.AddRange(terms.Appeared.Select(t => $"+{t.Term} {t.Occurrences} {t.Paragraphs}"));
                    lines.AddRange(terms.Disappeared.Select(t => $"-{t.Term} {t.LastYear} {t.Occurrences} {t.Paragraphs}"));
                }
            }
            foreach (var typed in s_typed)
            {
                lines.AddRange(engine.Suggest(typed, 30, caller).Suggestions.Select(s => $"?{typed} {s.Text} {s.Occurrences} {s.Kind}"));
            }
            var compare = engine.Compare(new CompareRequest { Phrases = ["发展", "天开西青园"], Caller = caller }).ValueOrThrow();
            lines.AddRange(compare.Rows.SelectMany(r => r.Cells).Select(c => $"={c.Year} {c.Period} {c.Characters} {c.Occurrences} {c.Per10k}"));
        }
        Assert.Contains(lines, l => l.StartsWith('+'));
        Assert.Contains(lines, l => l.StartsWith('?'));
        return string.Join("\n", lines);
    }

    /// <summary>Each document's part of the distinct texts as the analytics file holds it, by document id: text hash and characters, paragraphs, headings.</summary>
    private static List<string> WrittenParts(TempWorkspace work)
    {
        using var folder = FSDirectory.Open(work.Index);
        var searcher = CommitLoader.Open(folder);
        try
        {
            CommitAnalytics.Attach(searcher.Table, work.Index);
            var digests = CommitDigests.FromFile(searcher.Table);
            Assert.NotNull(digests);
            return [.. searcher.Table.AllDocuments.OrderBy(d => d.Doc, StringComparer.Ordinal).Select(d => d.Doc + ": " + string.Join(", ",
                digests.PartsOf(d).Select(p => $"{digests.KeyOfText(p.Text).Hash:x} {digests.KeyOfText(p.Text).Characters} {p.Paragraphs} {p.Headings}")))];
        }
        finally
        {
            searcher.IndexReader.DecRef();
        }
    }

    /// <summary>The first seed (by file name) is seen only by one group: the anonymous caller's view subtracts its part.</summary>
    private static void HideFirstSeed(TempWorkspace work)
    {
        var hidden = Path.GetFileNameWithoutExtension(Directory.GetFiles(work.Seeds, "*.txt").Order(StringComparer.Ordinal).First());
        File.WriteAllText(Path.Combine(work.Seeds, "catalog.json"), $$"""{ "documents": { "{{hidden}}": { "access": ["规划科"] } } }""");
    }

    private static List<string> AnalyticsFiles(TempWorkspace work) =>
        [.. Directory.GetFiles(work.Index, "analytics_*").Order(StringComparer.Ordinal)];
}

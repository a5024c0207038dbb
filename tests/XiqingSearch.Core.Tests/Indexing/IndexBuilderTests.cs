using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace XiqingSearch.Core.Tests.Indexing;

public sealed class IndexBuilderTests
{
    private const string NewPhrase = "独一无二的测试短语";

    [Fact]
    public void Build_ThenCheck_IsCurrentAndRecordsEverySource()
    {
        using var work = new TempWorkspace();
        Assert.Equal(IndexState.Missing, IndexBuilder.Check(work.Options));
        var report = IndexBuilder.Build(work.Options).ValueOrThrow();

        Assert.True(report.Rebuilt);
        Assert.Equal(5, report.Documents.Count);
        Assert.Equal(5, report.ChangedFiles.Count);
        Assert.True(report.IndexSizeBytes > 0);
        Assert.Equal(IndexState.Current, IndexBuilder.Check(work.Options));
        var manifest = IndexBuilder.ReadManifest(work.Index, out _)!;
        Assert.Equal(Directory.GetFiles(work.Seeds).Select(Path.GetFileName).Order(StringComparer.Ordinal), manifest.Files.Select(f => f.Name));
    }

    [Fact]
    public void Build_OneSeedChanged_ReindexesOnlyThatFile()
    {
        using var work = new TempWorkspace();
        IndexBuilder.Build(work.Options).ValueOrThrow();
        var changed = work.SeedPath(1);
        File.AppendAllText(changed, $"\n\n{NewPhrase}出现在这里。\n", Encoding.UTF8);
        Assert.Equal(IndexState.Stale, IndexBuilder.Check(work.Options));

        var report = IndexBuilder.Build(work.Options).ValueOrThrow();

        Assert.Equal([Path.GetFileName(changed)], report.ChangedFiles);
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        var hits = engine.Search(new SearchRequest { Query = NewPhrase }).ValueOrThrow();
        Assert.Equal(1, hits.TotalHits);
        Assert.Equal(Path.GetFileNameWithoutExtension(changed), hits.Hits[0].Doc);
        // The re-indexed document is not duplicated.
        Assert.Equal(5, engine.Documents().Count);
        var stats = engine.Stats();
        Assert.Equal(report.Paragraphs, stats.Paragraphs);
        Assert.Equal(report.IndexSizeBytes, stats.SizeBytes);
        Assert.InRange(stats.BuiltAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);
    }

    [Fact]
    public void Build_SeedRemoved_DropsItsParagraphs()
    {
        using var work = new TempWorkspace();
        IndexBuilder.Build(work.Options).ValueOrThrow();
        var removed = work.SeedPath(0);
        File.Delete(removed);

        var report = IndexBuilder.Build(work.Options).ValueOrThrow();

        Assert.Contains(Path.GetFileName(removed), report.ChangedFiles);
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        Assert.DoesNotContain(engine.Documents(), d => d.Doc == Path.GetFileNameWithoutExtension(removed));
    }

    [Theory]
    [InlineData("documents-added")]
    [InlineData("before-commit")]
    public void Build_KilledBeforeCommit_LeavesThePreviousCommitServing(string stage)
    {
        using var work = new TempWorkspace();
        IndexBuilder.Build(work.Options).ValueOrThrow();
        File.AppendAllText(work.SeedPath(2), $"\n\n{NewPhrase}。\n", Encoding.UTF8);

        var hooks = new BuildHooks(at => { if (at == stage) { throw new IOException("killed at " + at); } });
        // An I/O failure mid-build (here simulated) is reported as a problem naming the index, not thrown.
        var failed = IndexBuilder.Build(work.Options, null, force: true, hooks, CancellationToken.None);
        Assert.Equal(ProblemCodes.IndexWriteFailed, Assert.Single(failed.Problems).Code);

        Assert.Equal(IndexState.Stale, IndexBuilder.Check(work.Options));
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        Assert.Equal(0, engine.Search(new SearchRequest { Query = NewPhrase }).ValueOrThrow().TotalHits);
        Assert.Equal(5, engine.Search(new SearchRequest { Query = "天开西青园" }).ValueOrThrow().TotalHits);
    }

    [Fact]
    public void Build_CancelledMidway_CommitsNothing()
    {
        using var work = new TempWorkspace();
        IndexBuilder.Build(work.Options).ValueOrThrow();
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Stage == "index" && p.FilesDone == 2) { cancel.Cancel(); } });
        Assert.ThrowsAny<OperationCanceledException>(() => IndexBuilder.Build(work.Options, progress, force: true, cancel.Token));
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        Assert.Equal(5, engine.Documents().Count);
    }

    [Fact]
    public void Build_Gb18030Seed_IsDecodedAndIndexed()
    {
        using var work = new TempWorkspace();
        IndexBuilder.Build(work.Options).ValueOrThrow();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(Path.Combine(work.Seeds, "005_gbk.txt"), Encoding.GetEncoding("GB18030").GetBytes("西青区2026年国民经济和社会发展规划\n\n天开西青园建设加快推进。\n"));

        var rebuilt = IndexBuilder.Build(work.Options).ValueOrThrow();

        Assert.Equal(["005_gbk.txt"], rebuilt.ChangedFiles);
        Assert.Empty(rebuilt.Skipped);
        var added = Assert.Single(rebuilt.Documents, d => d.Doc == "005_gbk");
        Assert.Equal((2026, "西青区2026年国民经济和社会发展规划"), (added.Year, added.Title));
        using var engine = SearchEngine.EnsureCurrent(work.Options).ValueOrThrow().Engine;
        Assert.Empty(engine.Warnings);
        Assert.Equal(6, engine.Search(new SearchRequest { Query = "天开西青园" }).ValueOrThrow().TotalHits);
    }

    [Fact]
    public void Build_OnlyUnreadableFiles_IsRefusedAndTheIndexKeepsServing()
    {
        using var work = new TempWorkspace();
        var before = IndexBuilder.Build(work.Options).ValueOrThrow();
        foreach (var seed in Directory.GetFiles(work.Seeds))
        {
            File.Delete(seed);
        }
        File.WriteAllBytes(Path.Combine(work.Seeds, "blob.txt"), [0x00, 0x01, 0x02, 0x03, 0x00]);

        var refused = IndexBuilder.Build(work.Options);

        Assert.False(refused.IsSuccess);
        Assert.Equal([ProblemCodes.SeedsFolderEmpty, ProblemCodes.BinaryFile], refused.Problems.Select(p => p.Code));
        Assert.Contains("blob.txt", refused.Problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(before.IndexSizeBytes, IndexBuilder.IndexSize(work.Index));
        using var engine = SearchEngine.EnsureCurrent(work.Options).ValueOrThrow().Engine;
        Assert.Equal(ProblemCodes.SeedsFolderEmpty, engine.Warnings[0].Code);
        Assert.Equal(5, engine.Search(new SearchRequest { Query = "天开西青园" }).ValueOrThrow().TotalHits);
    }

    [Fact]
    public void Build_WhileAnotherWriterHoldsTheIndex_ReportsBusy()
    {
        using var work = new TempWorkspace();
        IndexBuilder.Build(work.Options).ValueOrThrow();
        File.AppendAllText(work.SeedPath(0), "\n新的一段。\n", Encoding.UTF8);
        using var directory = FSDirectory.Open(work.Index);
        using var holder = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new BigramAnalyzer()));

        var result = IndexBuilder.Build(work.Options);

        Assert.Equal(ProblemCodes.IndexBusy, result.Problems[0].Code);
    }

    [Fact]
    public void Build_IndexPathIsAFile_ProblemNamesNoFrontEndFlag()
    {
        using var work = new TempWorkspace();
        var file = Path.Combine(Path.GetDirectoryName(work.Index)!, "index-file");
        File.WriteAllText(file, "x");

        var result = IndexBuilder.Build(work.Options with { IndexDirectory = file });

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.IndexPathIsFile, problem.Code);
        Assert.Contains(file, problem.Message, StringComparison.Ordinal);
        // HTTP callers read Core's wording too: the command line adds its --index when it renders the code.
        Assert.DoesNotContain("--", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCurrent_SaysWhatItFoundAndWhatItBuilt()
    {
        using var work = new TempWorkspace();
        var states = new List<IndexState>();
        IndexLifecycle.BuildRunner record = (state, build) =>
        {
            states.Add(state);
            return build(null);
        };

        using (var first = SearchEngine.EnsureCurrent(work.Options, record).ValueOrThrow().Engine)
        {
            Assert.Equal(5, first.Documents().Count);
        }
        var again = SearchEngine.EnsureCurrent(work.Options, record).ValueOrThrow();
        again.Engine.Dispose();
        File.AppendAllText(work.SeedPath(0), "\n新的一段。\n", Encoding.UTF8);
        var changed = SearchEngine.EnsureCurrent(work.Options, record).ValueOrThrow();
        changed.Engine.Dispose();

        Assert.Equal([IndexState.Missing, IndexState.Stale], states); // no build ran for the current index
        Assert.Equal(IndexState.Current, again.Found);
        Assert.Null(again.Build);
        Assert.Equal(IndexState.Stale, changed.Found);
        Assert.Equal([Path.GetFileName(work.SeedPath(0))], changed.Build!.ChangedFiles);
    }

    [Fact]
    public void EnsureCurrent_NoSourcesAndNoIndex_FailsWithTheIngestProblem()
    {
        using var work = new TempWorkspace();
        Directory.Delete(work.Seeds, recursive: true);

        var result = SearchEngine.EnsureCurrent(work.Options);

        Assert.False(result.IsSuccess);
        Assert.Equal(ProblemCodes.SeedsFolderMissing, result.Problems[0].Code);
    }

    [Fact]
    public void Open_NoIndex_ReportsMissing()
    {
        using var work = new TempWorkspace();
        Assert.Equal(ProblemCodes.IndexMissing, SearchEngine.Open(work.Options).Problems[0].Code);
    }

    [Fact]
    public void Open_IndexOfAnotherSchema_IsRefusedAndEnsureCurrentRebuildsIt()
    {
        using var work = new TempWorkspace();
        Directory.CreateDirectory(work.Index);
        using (var directory = FSDirectory.Open(work.Index))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new BigramAnalyzer())))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["xiqing.schema"] = "xiqing-0" });
            writer.Commit();
        }

        Assert.Equal(IndexState.Incompatible, IndexBuilder.Check(work.Options));
        Assert.Equal(ProblemCodes.IndexIncompatible, SearchEngine.Open(work.Options).Problems[0].Code);
        using var engine = SearchEngine.EnsureCurrent(work.Options).ValueOrThrow().Engine;
        Assert.Equal(5, engine.Documents().Count);
    }

    [Fact]
    public void Refresh_AfterARebuild_SwitchesToTheNewCommit()
    {
        using var work = new TempWorkspace();
        IndexBuilder.Build(work.Options).ValueOrThrow();
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        Assert.False(engine.Refresh());

        File.AppendAllText(work.SeedPath(3), $"\n\n{NewPhrase}。\n", Encoding.UTF8);
        IndexBuilder.Build(work.Options).ValueOrThrow();
        Assert.Equal(0, engine.Search(new SearchRequest { Query = NewPhrase }).ValueOrThrow().TotalHits);

        Assert.True(engine.Refresh());
        Assert.Equal(1, engine.Search(new SearchRequest { Query = NewPhrase }).ValueOrThrow().TotalHits);
    }

    [Fact]
    public async Task Refresh_WhileSearchesRun_NoSearchFailsAndEachSeesOneWholeCommit()
    {
        using var work = new TempWorkspace();
        IndexBuilder.Build(work.Options).ValueOrThrow();
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        using var stop = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var searches = 0;
        // Dedicated threads: on a busy 2-core machine thread-pool work items may not start before the rebuilds end.
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var result = engine.Search(new SearchRequest { Query = "天开西青园", All = true });
                if (!result.IsSuccess)
                {
                    failures.Add(string.Join("; ", result.Problems));
                }
                else if (result.Value.TotalOccurrences != result.Value.Hits.Sum(h => h.Highlights.Count) || result.Value.TotalHits < 5)
                {
                    failures.Add($"inconsistent result: {result.Value.TotalHits} hits");
                }
                Interlocked.Increment(ref searches);
            }
        }, TaskCreationOptions.LongRunning)).ToList();

        // Each refresh happens while searches are running: wait for fresh searches before and after every switch.
        WaitForMoreSearches(ref searches, failures, readers);
        for (var i = 0; i < 3; i++)
        {
            File.AppendAllText(work.SeedPath(4), $"\n\n第{i}次追加：天开西青园。\n", Encoding.UTF8);
            IndexBuilder.Build(work.Options).ValueOrThrow();
            Assert.True(engine.Refresh());
            WaitForMoreSearches(ref searches, failures, readers);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.Equal(8, engine.Search(new SearchRequest { Query = "天开西青园" }).ValueOrThrow().TotalHits);
    }

    /// <summary>Blocks until the readers have finished a few more searches (or one failed), so the test never races them.</summary>
    private static void WaitForMoreSearches(
        ref int searches, System.Collections.Concurrent.ConcurrentBag<string> failures, List<Task> readers)
    {
        var target = Volatile.Read(ref searches) + 3;
        var spin = new SpinWait();
        while (Volatile.Read(ref searches) < target && failures.IsEmpty && !readers.All(r => r.IsCompleted))
        {
            spin.SpinOnce(sleep1Threshold: 20);
        }
    }

    [Fact]
    public void Search_Relevance_MoreOccurrencesAndDenserMatchesRankFirst()
    {
        using var work = new TempWorkspace(copySeeds: false);
        var filler = "推进各项工作稳步开展";
        var lines = new[]
        {
            "一、测试章节",
            $"{filler}{filler}{filler}天开西青园{filler}。",             // one occurrence
            $"{filler}天开西青园{filler}天开西青园{filler}天开西青园。",   // three
            $"{filler}天开西青园{filler}{filler}天开西青园。",             // two
            $"{filler}{filler}{filler}{filler}{filler}{filler}{filler}{filler}天开西青园{filler}。", // one, in a long paragraph
        };
        File.WriteAllText(Path.Combine(work.Seeds, "test.txt"), string.Join("\n", lines) + "\n", Encoding.UTF8);
        File.WriteAllText(Path.Combine(work.Seeds, "catalog.json"),
            """{ "documents": { "test": { "title": "测试文档", "year": 2024, "type": "other" } } }""", Encoding.UTF8);
        IndexBuilder.Build(work.Options).ValueOrThrow();
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();

        var hits = engine.Search(new SearchRequest { Query = "天开西青园" }).ValueOrThrow().Hits;

        Assert.Equal([3, 2, 1, 1], hits.Select(h => h.Highlights.Count));
        Assert.True(hits[2].Text.Length < hits[3].Text.Length, "the shorter of two single-occurrence paragraphs ranks first");
    }

    private sealed class SyncProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }
}

using System.Diagnostics;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using static XiqingSearch.Benchmarks.Peer.BenchmarkHost;

namespace XiqingSearch.Benchmarks.Analytics;

/// <summary>
/// <c>analytics</c>: <see cref="SearchEngine.Compare"/> of 50 phrases and <see cref="SearchEngine.NewTerms"/> for
/// 2025, on the seeds and on the seeds copied N times (<c>F~c.txt</c>, as the indexing benchmark makes them). There
/// is no Java counterpart (Lucene has no such view), so the reference is the engine's own work: the same 50 phrases
/// as 50 searches of one page each. It checks it did the work: on N× every compare cell is N × the 1× cell, and
/// new-terms reports the same terms with N × the occurrences.
/// </summary>
internal static class AnalyticsBenchmark
{
    public static int Run(string[] args)
    {
        var reps = IntOption(args, "--reps", 5);
        var copies = IntOption(args, "--copies", 100);
        var root = RepositoryRoot();
        var seeds = Path.Combine(root, "seeds");
        var phrases = Phrases(root);
        var work = Directory.CreateTempSubdirectory("xiqing-bench-analytics-").FullName;
        try
        {
            var many = XiqingSearch.Benchmarks.Indexing.IndexingBenchmark.CopyCorpus(seeds, Path.Combine(work, $"seeds-x{copies}"), copies);
            var results = new List<(int Copies, int Paragraphs, double Compare, double Searches, double NewTerms, CompareResult C, NewTermsResult T)>();
            foreach (var (n, folder) in new[] { (1, seeds), (copies, many) })
            {
                var options = new IndexOptions { SeedsDirectory = folder, IndexDirectory = Path.Combine(work, $"index-x{n}") };
                var built = IndexBuilder.Build(options, progress: null, force: true);
                if (!built.IsSuccess)
                {
                    throw new InvalidOperationException(string.Join("; ", built.Problems));
                }
                using var engine = SearchEngine.Open(options).ValueOrThrow();
                var request = new CompareRequest { Phrases = phrases };
                var termsRequest = new NewTermsRequest { Year = 2025, Limit = 20 };
                // Warm-up: JIT, stored fields and normalised texts of every paragraph.
                engine.Compare(request).ValueOrThrow();
                engine.NewTerms(termsRequest).ValueOrThrow();
                var compare = Time(reps, () => engine.Compare(request).ValueOrThrow());
                var searches = Time(reps, () =>
                {
                    foreach (var phrase in phrases)
                    {
                        engine.Search(new SearchRequest { Query = phrase }).ValueOrThrow();
                    }
                });
                var newTerms = Time(reps, () => engine.NewTerms(termsRequest).ValueOrThrow());
                results.Add((n, engine.Stats().Paragraphs, compare, searches, newTerms,
                    engine.Compare(request).ValueOrThrow(), engine.NewTerms(termsRequest).ValueOrThrow()));
            }

            var (one, big) = (results[0], results[1]);
            for (var r = 0; r < phrases.Count; r++)
            {
                for (var c = 0; c < one.C.Rows[r].Cells.Count; c++)
                {
                    var (a, b) = (one.C.Rows[r].Cells[c], big.C.Rows[r].Cells[c]);
                    // (Per 10,000 characters differs a little: each copy ends with a line naming it.)
                    if (b.Occurrences != copies * a.Occurrences || b.Paragraphs != copies * a.Paragraphs)
                    {
                        throw new InvalidOperationException($"{phrases[r]} {a.Year}: {b.Occurrences} at {copies}×, {a.Occurrences} at 1×");
                    }
                }
            }
            var expectedTerms = one.T.Appeared.Select(t => (t.Term, copies * t.Occurrences)).ToList();
            var gotTerms = big.T.Appeared.Select(t => (t.Term, t.Occurrences)).ToList();
            if (expectedTerms.Count == 0 || !expectedTerms.SequenceEqual(gotTerms))
            {
                throw new InvalidOperationException("new-terms differs between 1× and N×");
            }

            Console.WriteLine($"Analytics: {phrases.Count} phrases compared, new-terms for 2025 (limit 20); median of {reps} warm runs; {Environment.ProcessorCount} cores.");
            Console.WriteLine();
            Console.WriteLine("| corpus | paragraphs | compare, 50 phrases (ms) | 50 searches, one page each (ms) | compare ÷ searches | new-terms 2025 (ms) |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var r in results)
            {
                Console.WriteLine($"| {r.Copies}× | {N(r.Paragraphs)} | {F(r.Compare, 1)} | {F(r.Searches, 1)} | {F(r.Compare / r.Searches, 2)} | {F(r.NewTerms, 1)} |");
            }
            Console.WriteLine();
            Console.WriteLine($"Top new terms of 2025: {string.Join(", ", one.T.Appeared.Take(10).Select(t => $"{t.Term} {t.Occurrences}"))}");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    /// <summary>
    /// (internal) <c>compare-engine INDEX [--reps R] [--only-compare N]</c>: on an index already built, the 50 phrases compared beside
    /// one common search (发展 quoted, top 10, as <c>scale</c> searches it), each the median of R warm runs, wall
    /// and the thread's CPU time (the shared machine's other processes are in the wall time, not the CPU time).
    /// <c>--only-compare N</c> runs N comparisons and nothing else, for a profiler.
    /// </summary>
    public static int EngineOnce(string[] args)
    {
        var reps = IntOption(args, "--reps", 9);
        var phrases = Phrases(RepositoryRoot());
        var options = new IndexOptions { IndexDirectory = args[0], SeedsDirectory = args[0], SmartCnJar = null };
        using var engine = SearchEngine.Open(options).ValueOrThrow();
        var request = new CompareRequest { Phrases = phrases };
        var common = new SearchRequest { Query = "\"发展\"", Limit = 10 };
        if (IntOption(args, "--only-compare", 0) is > 0 and var only)
        {
            // For a profiler: comparisons alone, nothing else in the trace.
            for (var i = 0; i < only; i++)
            {
                engine.Compare(request).ValueOrThrow();
            }
            return 0;
        }
        // The first comparison of a commit also reads its digests and groups its paragraphs by text (once per commit).
        List<double> firstWall = [], firstCpu = [];
        Measure(() => engine.Compare(request).ValueOrThrow(), firstWall, firstCpu);
        for (var i = 0; i < 3; i++)
        {
            engine.Compare(request).ValueOrThrow();
            engine.Search(common).ValueOrThrow();
        }
        var compareWall = new List<double>();
        var compareCpu = new List<double>();
        var searchWall = new List<double>();
        var searchCpu = new List<double>();
        var asSearchesWall = new List<double>();
        var asSearchesCpu = new List<double>();
        for (var i = 0; i < reps; i++)
        {
            Measure(() => engine.Compare(request).ValueOrThrow(), compareWall, compareCpu);
            // What a comparison cost before it counted on its own: one search per phrase, every document's facet.
            Measure(() =>
            {
                foreach (var phrase in phrases)
                {
                    engine.Search(CompareCounter.RequestFor(phrase, request)).ValueOrThrow();
                }
            }, asSearchesWall, asSearchesCpu);
            // The search is short: the median of 10 per rep, so both sides are sampled alike over the run.
            for (var k = 0; k < 10; k++)
            {
                Measure(() => engine.Search(common).ValueOrThrow(), searchWall, searchCpu);
            }
        }
        // What each allocates (a gen-0 collection's cost grows with it, and is in both times above).
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var compared = engine.Compare(request).ValueOrThrow();
        var compareBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        allocated = GC.GetAllocatedBytesForCurrentThread();
        engine.Search(common).ValueOrThrow();
        var searchBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"{engine.Stats().Paragraphs} paragraphs; {phrases.Count} phrases, {N(compared.Rows.Sum(r => r.Cells.Sum(c => c.Paragraphs)))} paragraphs counted");
        Console.WriteLine($"first compare after opening: wall {F(firstWall[0], 2)} ms, cpu {F(firstCpu[0], 2)} ms");
        Console.WriteLine($"compare 50: wall {F(Median(compareWall), 2)} ms, cpu {F(Median(compareCpu), 2)} ms");
        Console.WriteLine($"50 searches as compare ran them before: wall {F(Median(asSearchesWall), 2)} ms, cpu {F(Median(asSearchesCpu), 2)} ms");
        Console.WriteLine($"search 发展: wall {F(Median(searchWall), 2)} ms, cpu {F(Median(searchCpu), 2)} ms");
        Console.WriteLine($"allocated: compare {N(compareBytes / 1024)} KB, search 发展 {N(searchBytes / 1024)} KB");
        Console.WriteLine($"compare ÷ search: wall {F(Median(compareWall) / Median(searchWall), 2)}×, cpu {F(Median(compareCpu) / Median(searchCpu), 2)}×");
        return 0;
    }

    private static void Measure(Action action, List<double> wall, List<double> cpu)
    {
        var cpuStart = XiqingSearch.Benchmarks.Scale.ScaleBenchmark.ThreadCpuMilliseconds();
        var clock = Stopwatch.StartNew();
        action();
        wall.Add(clock.Elapsed.TotalMilliseconds);
        cpu.Add(XiqingSearch.Benchmarks.Scale.ScaleBenchmark.ThreadCpuMilliseconds() - cpuStart);
    }

    private static double Time(int reps, Action action)
    {
        var times = new List<double>(reps);
        for (var i = 0; i < reps; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Median(times);
    }

    /// <summary>The search benchmark's 32 phrases and 18 more names and policy terms of the seeds: 50.</summary>
    private static List<string> Phrases(string root)
    {
        var phrases = File.ReadAllLines(Path.Combine(root, "tests", "XiqingSearch.Benchmarks", "Search", "queries.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        phrases.AddRange(["天开西青园", "京津冀协同发展", "高质量发展", "中芯国际", "赛达新城", "新质生产力", "专精特新", "以旧换新",
            "产业链", "营商环境", "生态环境", "民生", "共同富裕", "乡村振兴战略", "科技创新", "现代化", "人才", "西青", "公共服务", "绿色发展"]);
        var fifty = phrases.Distinct().Take(50).ToList();
        return fifty.Count == 50 ? fifty : throw new InvalidOperationException($"{fifty.Count} phrases, not 50");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using XiqingSearch.Benchmarks.Indexing;
using XiqingSearch.Benchmarks.Peer;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using static XiqingSearch.Benchmarks.Peer.BenchmarkHost;

namespace XiqingSearch.Benchmarks.Scale;

/// <summary>
/// The archive at scale: the seeds as they are and copied N times (copy c of file F is <c>F~c.txt</c>). For each
/// corpus: the C# build in a child process (time, MB/s, peak RSS, index size) beside the Java peer's
/// <c>run.sh index … --years</c>; warm p50/p99 of rare, medium and common phrases and one character through the
/// engine (<see cref="SearchEngine.Search"/>: every hit, exact totals, occurrence facets, top 10 highlighted) and
/// through a running server (response cache off), the first search after the server starts, the server's RSS
/// after a rotating load, and the peer's <c>d:full</c> (the same work) on the same corpus, with C# ÷ Java ratios
/// per phrase and per set. It checks it did the work: our occurrence totals equal the peer's string occurrences
/// wherever the peer finds every occurrence, and the server answers what the engine answers.
/// </summary>
internal static class ScaleBenchmark
{
    private const int Rounds = 5;

    /// <summary>The phrases, by set. The one character is out of the peer's reach (CJK bigrams drop it inside Chinese text).</summary>
    private static readonly (string Set, string Phrase)[] s_phrases =
    [
        ("rare", "天开西青园"), ("rare", "中芯国际"), ("rare", "专精特新"),
        ("medium", "京津冀协同发展"), ("medium", "高质量发展"), ("medium", "西青区"),
        ("common", "发展"), ("common", "天津"),
        ("one character", "水"),
    ];

    public static int Run(string[] args)
    {
        var copies = Option(args, "--copies", "100").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.Parse(c, CultureInfo.InvariantCulture)).Prepend(1).Distinct().ToArray();
        var warmup = IntOption(args, "--warmup", 20);
        var iterations = IntOption(args, "--iters", 100);
        var loadSeconds = IntOption(args, "--load-seconds", 20);
        var root = RepositoryRoot();
        var seeds = Path.Combine(root, "seeds");
        var peer = JavaPeer.Locate(root);
        var work = Directory.CreateTempSubdirectory("xiqing-bench-scale-").FullName;
        try
        {
            Console.WriteLine($"Building the server (Release) into {work}/server …");
            var serverDll = BuildServer(root, Path.Combine(work, "server"));
            var phraseFile = Path.Combine(work, "phrases.txt");
            File.WriteAllLines(phraseFile, s_phrases.Select(p => p.Phrase), new UTF8Encoding(false));
            var reports = new List<CorpusReport>();
            foreach (var n in copies)
            {
                var corpus = n == 1 ? seeds : IndexingBenchmark.CopyCorpus(seeds, Path.Combine(work, $"corpus-x{n}"), n);
                reports.Add(RunCorpus(n, corpus, work, serverDll, peer, phraseFile, warmup, iterations, loadSeconds));
                if (n != 1)
                {
                    Directory.Delete(corpus, recursive: true);
                }
                Print(reports, warmup, iterations, loadSeconds);
            }
            return reports.All(r => r.Checked) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>(internal) <c>scale-build CORPUS INDEX</c>: one full build, then one line of figures for the parent.</summary>
    public static int BuildOnce(string[] args)
    {
        // Copies kept apart: the corpus is each seed N times over, which a normal build indexes once (as copies).
        var result = IndexBuilder.Build(new IndexOptions { IndexDirectory = args[1], SeedsDirectory = args[0], SmartCnJar = null, KeepCopiesApart = true },
            progress: null, force: true);
        if (!result.IsSuccess)
        {
            Console.Error.WriteLine($"{result.Problems[0].Code}: {result.Problems[0].Message}");
            return 1;
        }
        var r = result.Value;
        Console.WriteLine(string.Join('\t', "build", r.Elapsed.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
            r.InputBytes.ToString(CultureInfo.InvariantCulture), r.Paragraphs.ToString(CultureInfo.InvariantCulture),
            r.IndexSizeBytes.ToString(CultureInfo.InvariantCulture), Status("VmHWM").ToString(CultureInfo.InvariantCulture)));
        return 0;
    }

    /// <summary>
    /// (internal) <c>scale-engine INDEX [--warmup W] [--iters I] [--phrases A,B]</c>: the engine rounds of
    /// <c>scale</c> on an index already built, p50/p99/mean per phrase and the common ÷ rare ratio, for profiling one
    /// change at a time.
    /// </summary>
    public static int EngineOnce(string[] args)
    {
        var options = new IndexOptions { IndexDirectory = args[0], SeedsDirectory = args[0], SmartCnJar = null };
        var warmup = IntOption(args, "--warmup", 20);
        var iterations = IntOption(args, "--iters", 100);
        using var engine = Open(options);
        var phrases = Option(args, "--phrases", string.Join(',', s_phrases.Select(p => p.Phrase))).Split(',');
        var timings = Measure(phrases, q => Search(engine, q).TotalHits, warmup, iterations);
        // The thread's CPU time per search as well: on a shared machine the wall time holds other processes' turns.
        var cpu = Measure(phrases, q => Search(engine, q).TotalHits, 0, iterations, ThreadCpuMilliseconds);
        foreach (var phrase in phrases)
        {
            var t = timings[phrase];
            var answer = Search(engine, phrase);
            Console.WriteLine($"{phrase}\thits {N(answer.TotalHits)}\tocc {N(answer.TotalOccurrences)}\tp50 {F(t.P50, 3)}\tp99 {F(t.P99, 3)}\tmean {F(t.Mean, 3)}" +
                $"\tcpu p50 {F(cpu[phrase].P50, 3)}\tcpu mean {F(cpu[phrase].Mean, 3)}");
        }
        if (timings.TryGetValue("发展", out var common) && timings.TryGetValue("天开西青园", out var rare))
        {
            Console.WriteLine($"发展 p50 ÷ 天开西青园 p50: wall {F(common.P50 / rare.P50, 1)}×, " +
                $"cpu {F(cpu["发展"].P50 / cpu["天开西青园"].P50, 1)}×");
        }
        return 0;
    }

    /// <summary>
    /// (internal) <c>scale-server SERVER_DLL INDEX SEEDS [--runs R] [--load-seconds S] [--log]</c>: the server
    /// columns of <c>scale</c> alone, R times on an index already built: time from process start to <c>/readyz</c>
    /// 200 (polled every 20 ms), RSS then, the first search (发展) after it, the totals of every phrase (to compare
    /// two builds of the server), RSS after a rotating load (4 clients, S seconds) and its peak, and the load
    /// average at the start and end of each run. <c>--log</c> prints the server's log lines with the milliseconds
    /// since its start, which is the profile of its start-up; <c>--settle</c> waits for the background warm-up to
    /// end (<c>/readyz</c> without <c>warmingUp</c>) before the first search and the load.
    /// </summary>
    public static int ServerOnce(string[] args)
    {
        var runs = IntOption(args, "--runs", 3);
        var loadSeconds = IntOption(args, "--load-seconds", 20);
        var log = args.Contains("--log");
        var settle = args.Contains("--settle");
        for (var run = 1; run <= runs; run++)
        {
            var loadBefore = LoadAverage();
            var port = FreePort();
            var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { args[0], "--urls", url, "--index", args[1], "--seeds", args[2],
                "--Xiqing:SearchCacheMegabytes=0", "--Logging:LogLevel:Default=" + (log ? "Information" : "Warning") })
            {
                info.ArgumentList.Add(arg);
            }
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            process.OutputDataReceived += (_, e) =>
            {
                if (log && e.Data is { Length: > 0 } line && !line.StartsWith(' '))
                {
                    Console.WriteLine($"  [{clock.ElapsedMilliseconds,6} ms] {line}");
                }
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
                string readyBody;
                while (true)
                {
                    if (process.HasExited)
                    {
                        throw new InvalidOperationException($"the server exited with {process.ExitCode} before it was ready");
                    }
                    try
                    {
                        using var response = http.GetAsync("/readyz").Result;
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            readyBody = response.Content.ReadAsStringAsync().Result;
                            break;
                        }
                    }
                    catch (AggregateException)
                    {
                        // Not listening yet.
                    }
                    Thread.Sleep(20);
                }
                var ready = clock.Elapsed.TotalMilliseconds;
                var cpuReady = CpuMilliseconds(process.Id);
                var rssReady = Status("VmRSS", process.Id);
                var warm = ready;
                if (settle)
                {
                    // Until the background warm-up has ended, so the load measures the warm server.
                    while (http.GetStringAsync("/readyz").Result.Contains("\"warmingUp\":true", StringComparison.Ordinal))
                    {
                        Thread.Sleep(100);
                    }
                    warm = clock.Elapsed.TotalMilliseconds;
                }
                var first = Stopwatch.StartNew();
                Get(http, "发展");
                var firstMs = first.Elapsed.TotalMilliseconds;
                // Then the other common phrase and a rare one, each the first of its kind: what a client sent the
                // moment the server says ready meets.
                var firstOthers = string.Join(", ", new[] { "天津", "天开西青园" }.Select(phrase =>
                {
                    var each = Stopwatch.StartNew();
                    Get(http, phrase);
                    return $"{phrase} {F(each.Elapsed.TotalMilliseconds, 1)} ms";
                }));
                var totals = string.Join(' ', s_phrases.Select(p =>
                {
                    using var json = JsonDocument.Parse(Get(http, p.Phrase));
                    return $"{p.Phrase}={json.RootElement.GetProperty("totalHits").GetInt32()}/{json.RootElement.GetProperty("totalOccurrences").GetInt32()}";
                }));
                var latencies = new List<double>[4];
                var stop = DateTime.UtcNow.AddSeconds(loadSeconds);
                Task.WaitAll(Enumerable.Range(0, 4).Select(c => Task.Run(() =>
                {
                    latencies[c] = [];
                    for (var i = c; DateTime.UtcNow < stop; i++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        Get(http, s_phrases[i % s_phrases.Length].Phrase);
                        latencies[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                })).ToArray());
                var load = latencies.SelectMany(l => l).Order().ToArray();
                Console.WriteLine($"run {run}: ready {F(ready, 0)} ms ({(readyBody.Contains("\"warmingUp\":true", StringComparison.Ordinal) ? "warm-up still running" : "warm")}, CPU {F(cpuReady, 0)} ms), " +
                    $"RSS at ready {N(rssReady / 1024)} MB; {(settle ? $"warm-up over at {F(warm, 0)} ms; " : "")}first 发展 {F(firstMs, 1)} ms, then {firstOthers}; load {N(load.Length)} requests, p50 {F(Percentile(load, 50), 2)} ms, " +
                    $"p99 {F(Percentile(load, 99), 2)} ms; RSS after it {N(Status("VmRSS", process.Id) / 1024)} MB (peak {N(Status("VmHWM", process.Id) / 1024)} MB); " +
                    $"load average {loadBefore} → {LoadAverage()}");
                Console.WriteLine($"run {run}: totals {totals}");
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        return 0;
    }

    /// <summary>
    /// (internal) <c>scale-open INDEX SEEDS [--runs R]</c>: the steps of opening an index, each timed by this
    /// thread's CPU time (what the step costs whatever the machine's load) and by the wall clock: the sources
    /// checked against the manifest, the commit mapped and its paragraph table read, the table read again on the
    /// open reader (a second, page-cache-warm read), the SmartCn analyzer made, and the whole
    /// <see cref="SearchEngine.Open(IndexOptions)"/>.
    /// </summary>
    public static int OpenOnce(string[] args)
    {
        var options = new IndexOptions { IndexDirectory = args[0], SeedsDirectory = args[1], SmartCnJar = null };
        for (var run = 1; run <= IntOption(args, "--runs", 3); run++)
        {
            var steps = new List<string>();
            T Step<T>(string name, Func<T> step)
            {
                var cpu = ThreadCpuMilliseconds();
                // The process's CPU too: the open reads on more than one thread (the documents' fields beside the rows).
                var process = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var value = step();
                steps.Add($"{name} cpu {F(ThreadCpuMilliseconds() - cpu, 0)} ms (process {F((Process.GetCurrentProcess().TotalProcessorTime - process).TotalMilliseconds, 0)}, wall {F(wall.Elapsed.TotalMilliseconds, 0)})");
                return value;
            }
            var load = LoadAverage();
            Step("check", () => IndexBuilder.Check(options));
            using (var folder = Lucene.Net.Store.FSDirectory.Open(options.IndexDirectory))
            {
                var searcher = Step("map + table", () => CommitLoader.Open(folder));
                Step("table again", () => ParagraphTable.Load(searcher.IndexReader));
                searcher.IndexReader.DecRef();
            }
            Step("SmartCn analyzer", () => new XiqingSearch.Core.Analysis.SmartCn.SmartCnAnalyzer(IndexAnalyzers.SmartCnOptions(options)));
            var engine = Step("SearchEngine.Open", () => SearchEngine.Open(options));
            engine.Value.Dispose();
            Console.WriteLine($"run {run} (load average {load}): {string.Join("; ", steps)}");
        }
        return 0;
    }

    /// <summary>The 1-minute load average (/proc/loadavg), or "?".</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static CorpusReport RunCorpus(int n, string corpus, string work, string serverDll, JavaPeer? peer, string phraseFile,
        int warmup, int iterations, int loadSeconds)
    {
        var index = Path.Combine(work, $"cs-x{n}");
        Console.WriteLine($"{n}×: C# build …");
        var build = ChildBuild(corpus, index);
        Console.WriteLine($"{n}×: C# build {F(build.Seconds, 1)} s, {N(build.Bytes)} bytes = {F(build.Bytes / 1e6 / build.Seconds)} MB/s, " +
            $"peak RSS {N(build.PeakKb / 1024)} MB, index {N(build.IndexBytes)} bytes, {N(build.Paragraphs)} paragraphs");

        var options = new IndexOptions { IndexDirectory = index, SeedsDirectory = corpus, SmartCnJar = null };
        var engineFirst = 0.0;
        Dictionary<string, Timing> engine;
        Dictionary<string, SearchResponse> answers;
        var yearsFile = Path.Combine(work, $"years-x{n}.txt");
        using (var opened = Open(options))
        {
            File.WriteAllLines(yearsFile, opened.Documents().Select(d => $"{d.Doc}\t{(d.Year?.ToString(CultureInfo.InvariantCulture) ?? "unknown")}"));
            var clock = Stopwatch.StartNew();
            Search(opened, "发展");
            engineFirst = clock.Elapsed.TotalMilliseconds;
            answers = s_phrases.ToDictionary(p => p.Phrase, p => Search(opened, p.Phrase));
            engine = Measure(s_phrases.Select(p => p.Phrase).ToArray(), q => Search(opened, q).TotalHits, warmup, iterations);
        }
        Console.WriteLine($"{n}×: engine done (first search {F(engineFirst, 1)} ms)");

        var server = RunServer(serverDll, options, answers, warmup, iterations, loadSeconds);
        Console.WriteLine($"{n}×: server done (ready after {F(server.ReadyMs, 0)} ms, first search {F(server.FirstMs, 1)} ms, RSS {N(server.RssKb / 1024)} MB)");

        PeerIndex? javaIndex = null;
        Dictionary<string, PeerPhrase>? java = null;
        if (peer is not null)
        {
            var javaDir = Path.Combine(work, $"java-x{n}");
            Console.WriteLine($"{n}×: Java index …");
            javaIndex = PeerIndex.Parse(peer.Run("index", corpus, javaDir, "--years", yearsFile));
            Console.WriteLine($"{n}×: Java query --kinds d …");
            java = PeerPhrase.Parse(peer.Run("query", javaDir, phraseFile, "--kinds", "d",
                "--warmup", warmup.ToString(CultureInfo.InvariantCulture), "--iters", iterations.ToString(CultureInfo.InvariantCulture)));
            Directory.Delete(javaDir, recursive: true);
        }
        Directory.Delete(index, recursive: true);

        // Our totals must equal the peer's string occurrences (paragraph-independent) wherever it finds them all.
        var check = true;
        foreach (var (_, phrase) in s_phrases)
        {
            var j = java?.GetValueOrDefault(phrase);
            if (j is not null && j.Full && answers[phrase].TotalOccurrences != j.StringOccurrences)
            {
                Console.WriteLine($"{n}× {phrase}: C# {answers[phrase].TotalOccurrences} occurrences, string occurrences {j.StringOccurrences}");
                check = false;
            }
        }
        return new CorpusReport(n, build, javaIndex, engineFirst, engine, server, answers, java, check && server.SameAnswers);
    }

    private static void Print(List<CorpusReport> reports, int warmup, int iterations, int loadSeconds)
    {
        Console.WriteLine();
        Console.WriteLine("### Build (C#: IndexBuilder.Build in a child process; Java: `run.sh index CORPUS DIR --years FILE`, cold JVM)");
        Console.WriteLine("| corpus | input MB | paragraphs C# / Java | C# s | C# MB/s | Java MB/s | MB/s C# ÷ Java | C# peak RSS MB | C# index MB | Java index MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in reports)
        {
            var b = r.Build;
            var csRate = b.Bytes / 1e6 / b.Seconds;
            Console.WriteLine($"| {r.Copies}× | {F(b.Bytes / 1e6, 1)} | {N(b.Paragraphs)} / {(r.JavaIndex is null ? "–" : N(r.JavaIndex.Paragraphs))} | {F(b.Seconds, 1)} | {F(csRate)} | " +
                $"{(r.JavaIndex is null ? "–" : F(r.JavaIndex.MegabytesPerSecond))} | {(r.JavaIndex is null ? "–" : F(csRate / r.JavaIndex.MegabytesPerSecond, 2))} | " +
                $"{N(b.PeakKb / 1024)} | {F(b.IndexBytes / 1e6, 1)} | {(r.JavaIndex is null ? "–" : F(r.JavaIndex.IndexBytes / 1e6, 1))} |");
        }
        foreach (var r in reports)
        {
            Console.WriteLine();
            Console.WriteLine($"### {r.Copies}×: ms per search ({warmup} warm-up rounds, {iterations} iterations per phrase in {Rounds} interleaved rounds; one thread)");
            Console.WriteLine("| set | phrase | C# hits | C# occ | Java d:full hits / gt | Java occ / string occ | both full | engine p50 | engine p99 | server p50 | server p99 | Java d:full mean | engine mean ÷ Java | engine p50 ÷ Java |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var set in s_phrases.GroupBy(p => p.Set))
            {
                var csMeans = new List<double>();
                var javaMeans = new List<double>();
                foreach (var (_, phrase) in set)
                {
                    var a = r.Answers[phrase];
                    var e = r.Engine[phrase];
                    var s = r.Server.Timings[phrase];
                    var j = r.Java?.GetValueOrDefault(phrase);
                    var full = j is not null && j.Full && a.TotalOccurrences == j.StringOccurrences;
                    if (full)
                    {
                        csMeans.Add(e.Mean);
                        javaMeans.Add(j!.MeanMs);
                    }
                    Console.WriteLine($"| {set.Key} | {phrase} | {N(a.TotalHits)} | {N(a.TotalOccurrences)} | " +
                        $"{(j is null ? "–" : $"{N(j.Hits)} / {N(j.GroundTruth)}")} | {(j is null ? "–" : $"{N(j.Occurrences)} / {N(j.StringOccurrences)}")} | " +
                        $"{(full ? "yes" : "no")} | {F(e.P50, 2)} | {F(e.P99, 2)} | {F(s.P50, 2)} | {F(s.P99, 2)} | " +
                        $"{(j is null ? "–" : F(j.MeanMs, 2))} | {(j is null ? "–" : F(e.Mean / j.MeanMs, 2))} | {(j is null ? "–" : F(e.P50 / j.MeanMs, 2))} |");
                }
                if (javaMeans.Count > 0)
                {
                    Console.WriteLine($"| **{set.Key}: set** | (phrases both find fully) | | | | | | | | | | {F(javaMeans.Average(), 2)} | " +
                        $"**{F(csMeans.Average() / javaMeans.Average(), 2)}** | |");
                }
            }
            var sv = r.Server;
            var rare = r.Engine["天开西青园"].P50;
            var common = r.Engine["发展"].P50;
            Console.WriteLine($"First search (发展): engine {F(r.EngineFirst, 1)} ms after open; server {F(sv.FirstMs, 1)} ms after /readyz " +
                $"(ready {F(sv.ReadyMs, 0)} ms after start) = {F(sv.FirstMs / sv.Timings["发展"].P50, 1)}× its warm p50.");
            Console.WriteLine($"发展 p50 ÷ 天开西青园 p50: engine {F(common / rare, 1)}×, server {F(sv.Timings["发展"].P50 / sv.Timings["天开西青园"].P50, 1)}×.");
            Console.WriteLine($"Rotating load ({loadSeconds} s, 4 connections, all phrases in turn, cache off): {N(sv.LoadRequests)} requests, " +
                $"{N(sv.LoadErrors)} errors, p50 {F(sv.LoadP50, 2)} ms, p99 {F(sv.LoadP99, 2)} ms; server RSS after it {N(sv.RssKb / 1024)} MB (peak {N(sv.PeakKb / 1024)} MB).");
            Console.WriteLine($"Server answers equal the engine's (hits, occurrences): {(sv.SameAnswers ? "yes" : "NO")}; " +
                $"C# occurrences equal the peer's string occurrences wherever it finds them all: {(r.Checked ? "yes" : "NO")}.");
        }
    }

    private static Dictionary<string, Timing> Measure(string[] queries, Func<string, int> run, int warmup, int iterations,
        Func<double>? clock = null)
    {
        clock ??= () => Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;
        for (var w = 0; w < warmup; w++)
        {
            foreach (var q in queries)
            {
                run(q);
            }
        }
        var samples = queries.ToDictionary(q => q, _ => new List<double>(iterations));
        for (var round = 0; round < Rounds; round++)
        {
            var count = (iterations / Rounds) + (round < iterations % Rounds ? 1 : 0);
            foreach (var q in queries)
            {
                for (var i = 0; i < count; i++)
                {
                    var start = clock();
                    run(q);
                    samples[q].Add(clock() - start);
                }
            }
        }
        return samples.ToDictionary(kv => kv.Key, kv => Timing.Of(kv.Value));
    }

    private static ServerReport RunServer(string serverDll, IndexOptions options, Dictionary<string, SearchResponse> answers,
        int warmup, int iterations, int loadSeconds)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { serverDll, "--urls", url, "--index", options.IndexDirectory, "--seeds", options.SeedsDirectory,
            "--Xiqing:SearchCacheMegabytes=0", "--Logging:LogLevel:Default=Warning" })
        {
            info.ArgumentList.Add(arg);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the server exited with {process.ExitCode} before it was ready");
                }
                try
                {
                    if (http.GetAsync("/readyz").Result.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (AggregateException)
                {
                    // Not listening yet.
                }
                Thread.Sleep(50);
            }
            var ready = clock.Elapsed.TotalMilliseconds;
            var first = Stopwatch.StartNew();
            Get(http, "发展");
            var firstMs = first.Elapsed.TotalMilliseconds;
            var same = answers.All(a =>
            {
                using var json = JsonDocument.Parse(Get(http, a.Key));
                return json.RootElement.GetProperty("totalHits").GetInt32() == a.Value.TotalHits
                    && json.RootElement.GetProperty("totalOccurrences").GetInt32() == a.Value.TotalOccurrences;
            });
            var timings = Measure(s_phrases.Select(p => p.Phrase).ToArray(), q => Get(http, q).Length, warmup, iterations);

            // Rotating load: 4 clients, each through every phrase in turn, for loadSeconds.
            var latencies = new List<double>[4];
            var errors = 0;
            var stop = DateTime.UtcNow.AddSeconds(loadSeconds);
            var clients = Enumerable.Range(0, 4).Select(c => Task.Run(() =>
            {
                latencies[c] = [];
                for (var i = c; DateTime.UtcNow < stop; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    try
                    {
                        Get(http, s_phrases[i % s_phrases.Length].Phrase);
                        latencies[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                    catch (Exception e) when (e is HttpRequestException or AggregateException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            })).ToArray();
            Task.WaitAll(clients);
            var load = latencies.SelectMany(l => l).Order().ToArray();
            GC.KeepAlive(load);
            return new ServerReport(ready, firstMs, timings, load.Length, errors, Percentile(load, 50), Percentile(load, 99),
                Status("VmRSS", process.Id), Status("VmHWM", process.Id), same);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static string Get(HttpClient http, string phrase)
    {
        using var response = http.GetAsync("/api/search?q=" + Uri.EscapeDataString("\"" + phrase + "\"")).Result;
        var body = response.Content.ReadAsStringAsync().Result;
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{phrase}: {(int)response.StatusCode} {body}");
        }
        return body;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string BuildServer(string root, string output)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "build", Path.Combine(root, "src", "XiqingSearch.Server", "XiqingSearch.Server.csproj"), "-c", "Release", "-o", output, "-v", "q", "-nologo" })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"building the server failed: {stdout}{stderr.Result}");
        }
        return Path.Combine(output, "XiqingSearch.Server.dll");
    }

    private static BuildFigures ChildBuild(string corpus, string index)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var entry = System.Reflection.Assembly.GetEntryAssembly()!.Location;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            info.ArgumentList.Add(entry);
        }
        foreach (var arg in new[] { "scale-build", corpus, index })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var cells = stdout.Split('\n').Select(l => l.Split('\t')).FirstOrDefault(c => c[0] == "build")
            ?? throw new InvalidOperationException($"the build of {corpus} failed: {stderr.Result}");
        return new BuildFigures(double.Parse(cells[1], CultureInfo.InvariantCulture), long.Parse(cells[2], CultureInfo.InvariantCulture),
            int.Parse(cells[3], CultureInfo.InvariantCulture), long.Parse(cells[4], CultureInfo.InvariantCulture), long.Parse(cells[5], CultureInfo.InvariantCulture));
    }

    /// <summary>A kB figure of /proc/PID/status (VmRSS, VmHWM), 0 where there is none.</summary>
    /// <summary>
    /// CPU the process <paramref name="pid"/> has used so far, in ms (user + system, /proc/PID/stat): what its
    /// start-up cost whatever the machine's load, where the wall clock under load mostly measures the scheduler.
    /// </summary>
    private static double CpuMilliseconds(int pid)
    {
        var path = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (!File.Exists(path))
        {
            return 0;
        }
        // The fields after the command name (which is in parentheses and may hold spaces): utime and stime are the
        // 14th and 15th fields of the line, in clock ticks (100 a second on Linux).
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 10.0;
    }

    private static long Status(string key, int? pid = null)
    {
        var path = $"/proc/{(pid is null ? "self" : pid.Value.ToString(CultureInfo.InvariantCulture))}/status";
        if (!File.Exists(path))
        {
            return 0;
        }
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static SearchEngine Open(IndexOptions options)
    {
        var opened = SearchEngine.Open(options);
        return opened.IsSuccess ? opened.Value
            : throw new InvalidOperationException($"open failed: {opened.Problems[0].Code} {opened.Problems[0].Message}");
    }

    private static SearchResponse Search(SearchEngine engine, string phrase)
    {
        var result = engine.Search(new SearchRequest { Query = "\"" + phrase + "\"", Limit = 10 });
        return result.IsSuccess ? result.Value
            : throw new InvalidOperationException($"search '{phrase}' failed: {result.Problems[0].Code} {result.Problems[0].Message}");
    }

    /// <summary>The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), in ms; NaN elsewhere.</summary>
    internal static double ThreadCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }
        return ClockGetTime(3, out var time) == 0 ? time.Seconds * 1000.0 + time.Nanoseconds / 1e6 : double.NaN;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static string Option(string[] args, string flag, string fallback)
    {
        var i = Array.IndexOf(args, flag);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private sealed record Timing(double P50, double P99, double Mean)
    {
        public static Timing Of(List<double> samples)
        {
            var sorted = samples.Order().ToArray();
            return new Timing(Percentile(sorted, 50), Percentile(sorted, 99), sorted.Average());
        }
    }

    private sealed record BuildFigures(double Seconds, long Bytes, int Paragraphs, long IndexBytes, long PeakKb);

    private sealed record ServerReport(double ReadyMs, double FirstMs, Dictionary<string, Timing> Timings, int LoadRequests, int LoadErrors,
        double LoadP50, double LoadP99, long RssKb, long PeakKb, bool SameAnswers);

    private sealed record CorpusReport(int Copies, BuildFigures Build, PeerIndex? JavaIndex, double EngineFirst, Dictionary<string, Timing> Engine,
        ServerReport Server, Dictionary<string, SearchResponse> Answers, Dictionary<string, PeerPhrase>? Java, bool Checked);

    private sealed record PeerIndex(long Paragraphs, double MegabytesPerSecond, long IndexBytes)
    {
        public static PeerIndex Parse(string output) => new(
            (long)JavaPeer.Number(JavaPeer.Row(output, "paragraphs")[0]),
            JavaPeer.Number(JavaPeer.Row(output, "bytes_per_second")[0]) / 1e6,
            (long)JavaPeer.Number(JavaPeer.Row(output, "index_size_bytes")[0]));
    }

    /// <summary>One phrase's d:full row: hits, found, extra vs gt; occurrences vs the string's; mean ms of analyse + build + the whole work.</summary>
    private sealed record PeerPhrase(long GroundTruth, long Hits, long Found, long Extra, long Occurrences, long StringOccurrences, double MeanMs)
    {
        /// <summary>Every gt paragraph found, nothing extra, every occurrence counted.</summary>
        public bool Full => Found == GroundTruth && Extra == 0 && Occurrences == StringOccurrences;

        public static Dictionary<string, PeerPhrase> Parse(string output)
        {
            var hits = JavaPeer.Table(output, "== hits vs ground truth").Where(r => r[0] != "query").ToDictionary(r => r[0]);
            var times = JavaPeer.Table(output, "== mean microseconds").Where(r => r[0] is not "query" and not "MEAN").ToDictionary(r => r[0]);
            return hits.ToDictionary(h => h.Key, h =>
            {
                // Columns: query, gt, split, d:full hits/found/extra, d:full occ, d:full hl; times: query, build+full, full, …
                var hfe = h.Value[3].Split('/');
                var occ = h.Value[4].Split('/');
                return new PeerPhrase(L(h.Value[1]), L(hfe[0]), L(hfe[1]), L(hfe[2]), L(occ[0]), L(occ[1]), JavaPeer.Number(times[h.Key][1]) / 1000);
            }, StringComparer.Ordinal);
        }

        private static long L(string cell) => long.Parse(cell, CultureInfo.InvariantCulture);
    }
}

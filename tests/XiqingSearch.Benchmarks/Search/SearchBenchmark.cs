using System.Diagnostics;
using System.Text;
using XiqingSearch.Benchmarks.Peer;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using static XiqingSearch.Benchmarks.Peer.BenchmarkHost;

namespace XiqingSearch.Benchmarks.Search;

/// <summary>
/// Search latency per query, C# <see cref="SearchEngine.Search"/> (parse + search + highlight every occurrence +
/// facets, top 10) beside the Java peer's <c>query</c> command (analyze + build a PhraseQuery + top 10, no highlight,
/// no facets) on the same phrases over indexes of the same seeds. Two sets: the peer's <c>queries.txt</c> and our
/// <c>Search/queries.txt</c>. It checks it did the work: every query highlights as many occurrences as the peer
/// counts in its ground-truth paragraphs (hit counts are shown beside the peer's <c>gt</c>, but our ingestion splits
/// paragraphs differently, so a paragraph count may differ where an occurrence's paragraph is split or merged).
/// </summary>
internal static class SearchBenchmark
{
    private const double Target = 1.0;
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        // The peer's own defaults (run-all.sh): both JITs need this long to settle on their optimised code.
        var warmup = IntOption(args, "--warmup", 500);
        var iterations = IntOption(args, "--iters", 2000);
        var root = RepositoryRoot();
        var seeds = Path.Combine(root, "seeds");
        var peer = JavaPeer.Locate(root);
        var sets = new List<(string Name, string File)>();
        if (peer is not null)
        {
            sets.Add(("peer queries.txt", peer.PeerFile("queries.txt")));
        }
        sets.Add(("our Search/queries.txt", Path.Combine(root, "tests", "XiqingSearch.Benchmarks", "Search", "queries.txt")));
        var queries = sets.Select(s => File.ReadAllLines(s.File, new UTF8Encoding(false, true))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray()).ToArray();

        var work = Directory.CreateTempSubdirectory("xiqing-bench-search-").FullName;
        try
        {
            var options = new IndexOptions { IndexDirectory = Path.Combine(work, "cs-index"), SeedsDirectory = seeds, SmartCnJar = null };
            var build = IndexBuilder.Build(options, progress: null, force: true);
            if (!build.IsSuccess)
            {
                throw new InvalidOperationException($"build failed: {build.Problems[0].Code} {build.Problems[0].Message}");
            }
            Console.WriteLine($"C# index: {N(build.Value.Paragraphs)} paragraphs of {N(build.Value.InputBytes)} bytes (the peer makes its own paragraphs; see `run.sh index`)");

            // Java first: its own warm-up, timed iterations in interleaved rounds, mean µs per query and kind.
            var java = new List<Dictionary<string, PeerQuery>>();
            if (peer is not null)
            {
                var javaIndex = Path.Combine(work, "java-index");
                peer.Run("index", seeds, javaIndex);
                foreach (var (name, file) in sets)
                {
                    var stopwatch = Stopwatch.StartNew();
                    java.Add(PeerQuery.Parse(peer.Run("query", javaIndex, file, "--warmup", warmup.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        "--iters", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    Console.WriteLine($"Java query over {name}: {java[^1].Count} queries in {F(stopwatch.Elapsed.TotalSeconds, 1)} s");
                }
            }

            using var engine = Open(options);
            var requests = queries.Select(set => set.Select(q => new SearchRequest { Query = Quote(q), Limit = 10 }).ToArray()).ToArray();
            var responses = requests.Select(set => set.Select(r => Search(engine, r)).ToArray()).ToArray();

            // C#: the same shape as the peer: a warm-up over every query, then the iterations in interleaved rounds.
            var all = requests.SelectMany(r => r).ToArray();
            for (var w = 0; w < warmup; w++)
            {
                foreach (var request in all)
                {
                    Search(engine, request);
                }
            }
            var samples = requests.Select(set => set.Select(_ => new List<double>(iterations)).ToArray()).ToArray();
            long checksum = 0;
            for (var round = 0; round < Rounds; round++)
            {
                var count = (iterations / Rounds) + (round < iterations % Rounds ? 1 : 0);
                for (var s = 0; s < requests.Length; s++)
                {
                    for (var q = 0; q < requests[s].Length; q++)
                    {
                        for (var i = 0; i < count; i++)
                        {
                            var start = Stopwatch.GetTimestamp();
                            var response = Search(engine, requests[s][q]);
                            samples[s][q].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                            checksum += response.TotalHits;
                        }
                    }
                }
            }
            var expectedChecksum = (long)iterations * responses.SelectMany(r => r).Sum(r => (long)r.TotalHits);
            if (checksum != expectedChecksum)
            {
                throw new InvalidOperationException($"checksum {checksum}, expected {expectedChecksum}: results changed between iterations");
            }

            Console.WriteLine();
            Console.WriteLine($"Search latency, µs per query: C# = SearchEngine.Search (parse + search + highlight + facets, top 10), " +
                $"{iterations} iterations per query in {Rounds} interleaved rounds after {warmup} warm-up rounds; " +
                "Java = the peer's `query` with the same counts (mean only).");
            var hitsOk = true;
            var met = true;
            var overall = new List<double>();
            var overallMeans = new List<double>();
            var overallJava = new List<double>();
            for (var s = 0; s < sets.Count; s++)
            {
                var j = s < java.Count ? java[s] : null;
                Console.WriteLine();
                Console.WriteLine($"### {sets[s].Name} ({queries[s].Length} phrases)");
                Console.WriteLine("| query | gt | C# hits | Java b hits | C# occ | string occ | C# mean | C# p99 | Java a:parser | Java b:phrase | Java c:bigram | C# ÷ Java b |");
                Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
                var means = new List<double>();
                var javaMeans = new List<double>();
                for (var q = 0; q < queries[s].Length; q++)
                {
                    var sorted = samples[s][q].Order().ToArray();
                    var mean = sorted.Average();
                    means.Add(mean);
                    var r = responses[s][q];
                    var p = j?.GetValueOrDefault(queries[s][q]);
                    if (p is not null)
                    {
                        javaMeans.Add(p.PhraseMicros);
                        hitsOk &= r.TotalOccurrences == p.StringOccurrences;
                    }
                    var mark = p is null || r.TotalHits == p.GroundTruth ? "" : " ≠gt";
                    var occMark = p is null || r.TotalOccurrences == p.StringOccurrences ? "" : " ≠";
                    Console.WriteLine($"| {queries[s][q]} | {(p is null ? "–" : N(p.GroundTruth))} | {N(r.TotalHits)}{mark} | {(p is null ? "–" : N(p.PhraseHits))} | " +
                        $"{N(r.TotalOccurrences)}{occMark} | {(p is null ? "–" : N(p.StringOccurrences))} | {F(mean, 1)} | {F(Percentile(sorted, 99), 1)} | " +
                        $"{(p is null ? "–" : F(p.ParserMicros, 1))} | {(p is null ? "–" : F(p.PhraseMicros, 1))} | {(p is null ? "–" : F(p.BigramMicros, 1))} | " +
                        $"{(p is null ? "–" : F(mean / p.PhraseMicros, 2))} |");
                }
                var set = samples[s].SelectMany(x => x).Order().ToArray();
                overall.AddRange(set);
                overallMeans.AddRange(means);
                overallJava.AddRange(javaMeans);
                var ratio = javaMeans.Count == means.Count && means.Count > 0 ? means.Average() / javaMeans.Average() : (double?)null;
                met &= ratio is null || ratio <= Target;
                Console.WriteLine($"| **mean of the set** | | | | | | {F(means.Average(), 1)} | {F(Percentile(set, 99), 1)} | | " +
                    $"{(javaMeans.Count == 0 ? "–" : F(javaMeans.Average(), 1))} | | {(ratio is null ? "–" : F(ratio.Value, 2))} |");
            }
            var all99 = overall.Order().ToArray();
            Console.WriteLine();
            Console.WriteLine($"Overall ({overallMeans.Count} phrases): C# mean {F(overallMeans.Average(), 1)} µs, p99 {F(Percentile(all99, 99), 1)} µs" +
                (overallJava.Count == overallMeans.Count ? $"; Java b:phrase mean {F(overallJava.Average(), 1)} µs; C# ÷ Java b = {F(overallMeans.Average() / overallJava.Average(), 2)}" : ""));
            Console.WriteLine($"Occurrences highlighted equal the peer's string occurrences in its gt paragraphs, every query: {(java.Count == 0 ? "not checked (no peer)" : hitsOk ? "yes" : "NO")}");
            Console.WriteLine($"Target: C# ÷ Java b:phrase ≤ {F(Target, 1)} per set: {(java.Count == 0 ? "not checked (no peer)" : met ? "MET" : "NOT MET")}");
            Console.WriteLine("Java columns: mean µs of analyze + build + search top 10 (`build+top10`); b:phrase = PhraseQuery on the SmartCn");
            Console.WriteLine("tokens, the comparable kind. string occ = occurrences of the phrase in the gt paragraphs (the peer's occ denominator).");
            Console.WriteLine("≠gt: our paragraphs (IndexBuilder's ingestion) are not the peer's, so a paragraph count can differ by the");
            Console.WriteLine("paragraphs split or merged differently; the occurrence count is the paragraph-independent check.");
            SuggestLatency.Report(engine, queries.SelectMany(q => q), warmup, iterations);
            return hitsOk ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // A quoted phrase means the same as a bare one in our query language, and keeps characters like - or / literal.
    private static string Quote(string phrase) => "\"" + phrase.Replace("\"", "", StringComparison.Ordinal) + "\"";

    private static SearchEngine Open(IndexOptions options)
    {
        var opened = SearchEngine.Open(options);
        return opened.IsSuccess ? opened.Value
            : throw new InvalidOperationException($"open failed: {opened.Problems[0].Code} {opened.Problems[0].Message}");
    }

    private static SearchResponse Search(SearchEngine engine, SearchRequest request)
    {
        var result = engine.Search(request);
        return result.IsSuccess ? result.Value
            : throw new InvalidOperationException($"search '{request.Query}' failed: {result.Problems[0].Code} {result.Problems[0].Message}");
    }

    /// <summary>One query's row in the peer's hits table and its timing table.</summary>
    private sealed record PeerQuery(long GroundTruth, long PhraseHits, long StringOccurrences, double ParserMicros, double PhraseMicros, double BigramMicros)
    {
        public static Dictionary<string, PeerQuery> Parse(string output)
        {
            var hits = JavaPeer.Table(output, "== hits vs ground truth").Where(r => r[0] != "query").ToDictionary(r => r[0]);
            var times = JavaPeer.Table(output, "== mean microseconds").Where(r => r[0] is not "query" and not "MEAN").ToDictionary(r => r[0]);
            return hits.ToDictionary(h => h.Key, h =>
            {
                var t = times[h.Key];
                return new PeerQuery(long.Parse(h.Value[1], System.Globalization.CultureInfo.InvariantCulture),
                    long.Parse(h.Value[4].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture),
                    long.Parse(h.Value[5].Split('/')[1], System.Globalization.CultureInfo.InvariantCulture),
                    JavaPeer.Number(t[1]), JavaPeer.Number(t[3]), JavaPeer.Number(t[5]));
            }, StringComparer.Ordinal);
        }
    }
}

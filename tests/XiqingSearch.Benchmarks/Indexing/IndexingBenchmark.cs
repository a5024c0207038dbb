using System.Text.RegularExpressions;
using XiqingSearch.Benchmarks.Peer;
using XiqingSearch.Core.Indexing;
using static XiqingSearch.Benchmarks.Peer.BenchmarkHost;

namespace XiqingSearch.Benchmarks.Indexing;

/// <summary>
/// Indexing throughput (MB/s of UTF-8 input files) and index size, C# beside the Java peer's <c>scale</c> and
/// <c>index</c> commands on the same seeds, once as they are and once repeated N times (copy c of file F is
/// <c>F~c.txt</c>, the doc id the peer's <c>scale</c> gives it). It checks it did the work: the paragraph count is
/// positive, the same in every rep, and N times the 1× count; the input bytes equal the peer's.
/// </summary>
internal static partial class IndexingBenchmark
{
    private const double ThroughputTarget = 1.0;
    private const double SizeTarget = 1.5;

    public static int Run(string[] args)
    {
        var reps = IntOption(args, "--reps", 3);
        var copies = IntOption(args, "--copies", 100);
        var root = RepositoryRoot();
        var seeds = Path.Combine(root, "seeds");
        var peer = JavaPeer.Locate(root);
        var work = Directory.CreateTempSubdirectory("xiqing-bench-indexing-").FullName;
        try
        {
            var many = CopyCorpus(seeds, Path.Combine(work, $"seeds-x{copies}"), copies);
            var corpora = new[] { (Copies: 1, Folder: seeds), (Copies: copies, Folder: many) };

            // C#: one untimed build (JIT, SmartCn dictionaries), then the reps, the two sizes interleaved.
            Build(seeds, Path.Combine(work, "cs-warm"), out _);
            var seconds = corpora.ToDictionary(c => c.Copies, _ => new List<double>());
            var cs = new Dictionary<int, BuildReport>();
            for (var rep = 0; rep < reps; rep++)
            {
                foreach (var (n, folder) in corpora)
                {
                    GC.Collect();
                    var report = Build(folder, Path.Combine(work, $"cs-x{n}-{rep}"), out var folderBytes);
                    if (cs.TryGetValue(n, out var first) && (first.Paragraphs != report.Paragraphs
                        || first.IndexSizeBytes != report.IndexSizeBytes && Math.Abs(first.IndexSizeBytes - report.IndexSizeBytes) > first.IndexSizeBytes / 100))
                    {
                        throw new InvalidOperationException($"{n}×: rep {rep + 1} made {report.Paragraphs} paragraphs, " +
                            $"{report.IndexSizeBytes} bytes; rep 1 made {first.Paragraphs}, {first.IndexSizeBytes}");
                    }
                    cs.TryAdd(n, report);
                    seconds[n].Add(report.Elapsed.TotalSeconds);
                    Console.WriteLine($"C# rep {rep + 1} {n,3}×: {N(report.Paragraphs)} paragraphs, {N(report.InputBytes)} bytes in " +
                        $"{F(report.Elapsed.TotalSeconds)} s = {F(report.MegabytesPerSecond)} MB/s, index {N(report.IndexSizeBytes)} bytes " +
                        $"(folder with dictionary cache {N(folderBytes)})");
                }
            }
            // Each copy has its own last line (the copy's name): a paragraph and a few bytes more than the seed.
            if (cs[1].Paragraphs <= 0 || cs[copies].Paragraphs < copies * cs[1].Paragraphs
                || cs[copies].InputBytes < copies * cs[1].InputBytes)
            {
                throw new InvalidOperationException($"{copies}× made {cs[copies].Paragraphs} paragraphs of {cs[copies].InputBytes} bytes; " +
                    $"expected at least {copies} × {cs[1].Paragraphs} of {copies} × {cs[1].InputBytes}");
            }

            // Java: scale (warm, its own warm-up, median of the reps) at both sizes; index (cold JVM) for its 1× size.
            var java = new Dictionary<int, PeerScale>();
            PeerIndex? javaCold = null;
            if (peer is not null)
            {
                foreach (var (n, _) in corpora)
                {
                    var output = peer.Run("scale", seeds, n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        "--reps", reps.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tmp", work, "--configs", "both");
                    java[n] = PeerScale.Parse(output);
                    Console.WriteLine($"Java scale {n,3}×: {N(java[n].Docs)} paragraphs, {N(java[n].Bytes)} bytes, median {F(java[n].MedianSeconds)} s = " +
                        $"{F(java[n].MegabytesPerSecond)} MB/s, index {N(java[n].IndexBytes)} bytes");
                }
                javaCold = PeerIndex.Parse(peer.Run("index", seeds, Path.Combine(work, "java-index")));
                Console.WriteLine($"Java index   1× (cold JVM): {N(javaCold.Paragraphs)} paragraphs, {F(javaCold.WallMs / 1000)} s = " +
                    $"{F(javaCold.MegabytesPerSecond)} MB/s, index {N(javaCold.IndexBytes)} bytes");
                if (java[1].Bytes != cs[1].InputBytes || java[copies].Bytes != cs[copies].InputBytes)
                {
                    throw new InvalidOperationException($"input bytes differ: C# {cs[1].InputBytes}/{cs[copies].InputBytes}, " +
                        $"Java {java[1].Bytes}/{java[copies].Bytes}");
                }
            }

            Console.WriteLine();
            Console.WriteLine($"Indexing: seeds ({N(cs[1].InputBytes)} bytes, 5 files) as they are and ×{copies}; " +
                $"C# and Java median of {reps} warm reps; MB = 10^6 bytes of UTF-8 input files.");
            Console.WriteLine("| corpus | input bytes | C# paragraphs | Java paragraphs | C# MB/s | Java MB/s | MB/s C# ÷ Java | C# index bytes | Java index bytes | size C# ÷ Java |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            var met = true;
            foreach (var (n, _) in corpora)
            {
                var csRate = cs[n].InputBytes / 1e6 / Median(seconds[n]);
                var j = java.GetValueOrDefault(n);
                var rate = j is null ? (double?)null : csRate / j.MegabytesPerSecond;
                var size = j is null ? (double?)null : cs[n].IndexSizeBytes / (double)j.IndexBytes;
                met &= rate is null || rate >= ThroughputTarget;
                met &= size is null || size <= SizeTarget;
                Console.WriteLine($"| {n}× | {N(cs[n].InputBytes)} | {N(cs[n].Paragraphs)} | {(j is null ? "–" : N(j.Docs))} | {F(csRate)} | " +
                    $"{(j is null ? "–" : F(j.MegabytesPerSecond))} | {(rate is null ? "–" : F(rate.Value, 2))} | {N(cs[n].IndexSizeBytes)} | " +
                    $"{(j is null ? "–" : N(j.IndexBytes))} | {(size is null ? "–" : F(size.Value, 2))} |");
            }
            if (javaCold is not null)
            {
                Console.WriteLine($"Java `index` 1× (cold JVM, one run): {F(javaCold.MegabytesPerSecond)} MB/s, {N(javaCold.IndexBytes)} bytes on disk.");
            }
            Console.WriteLine($"Targets: throughput C# ÷ Java ≥ {F(ThroughputTarget, 1)}, size C# ÷ Java ≤ {F(SizeTarget, 1)}: " +
                (peer is null ? "not checked (no peer)" : met ? "MET" : "NOT MET"));
            Console.WriteLine("C# timed span = IndexBuilder.Build(force): list + read + split the files, analyse, write, commit.");
            Console.WriteLine("Java timed span = open IndexWriter .. commit + close over paragraphs already in memory (`scale`).");
            Console.WriteLine("C# fields: text (SmartCn, stored) + text_chars (normalised character bigrams) + metadata and facets;");
            Console.WriteLine("Java `both`: text (SmartCn, stored) + text_bigram (CJKAnalyzer). C# index bytes = files of the commit");
            Console.WriteLine("(the SmartCn dictionary cache in the same folder is not counted).");
            return PdfExtractionBenchmark.Run([]);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static BuildReport Build(string seeds, string indexDirectory, out long folderBytes)
    {
        var result = IndexBuilder.Build(new IndexOptions { IndexDirectory = indexDirectory, SeedsDirectory = seeds, SmartCnJar = null },
            progress: null, force: true);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"build of {seeds} failed: {result.Problems[0].Code} {result.Problems[0].Message}");
        }
        folderBytes = new DirectoryInfo(indexDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Directory.Delete(indexDirectory, recursive: true);
        return result.Value;
    }

    /// <summary>
    /// Copy c of file F as F~c.txt, c = 0..copies-1, so every paragraph's doc id is the peer's; each ends with a line
    /// <c>副本 c</c> (one paragraph more per document), so no two copies are the same text.
    /// </summary>
    internal static string CopyCorpus(string seeds, string target, int copies)
    {
        Directory.CreateDirectory(target);
        var files = Directory.GetFiles(seeds).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            for (var c = 0; c < copies; c++)
            {
                // A last line naming the copy: byte-identical texts would be indexed once, as copies of one document.
                File.WriteAllBytes(Path.Combine(target, $"{Path.GetFileNameWithoutExtension(file)}~{c}{Path.GetExtension(file)}"),
                    [.. bytes, .. System.Text.Encoding.UTF8.GetBytes($"\n\n副本 {c}\n")]);
            }
        }
        return target;
    }

    /// <summary>The <c>both</c> row of <c>run.sh scale</c>.</summary>
    private sealed record PeerScale(long Docs, long Bytes, double MedianSeconds, double MegabytesPerSecond, long IndexBytes)
    {
        public static PeerScale Parse(string output)
        {
            var header = ScaleHeader().Match(output);
            if (!header.Success)
            {
                throw new FormatException("no '# scale:' header in the peer's output");
            }
            var row = JavaPeer.Table(output, "config\tmedian_s").First(r => r[0] == "both");
            return new PeerScale(long.Parse(header.Groups["docs"].Value, System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(header.Groups["bytes"].Value, System.Globalization.CultureInfo.InvariantCulture),
                JavaPeer.Number(row[1]), JavaPeer.Number(row[2]), (long)JavaPeer.Number(row[6]));
        }
    }

    /// <summary>The summary rows of <c>run.sh index</c>.</summary>
    private sealed record PeerIndex(long Paragraphs, double WallMs, double MegabytesPerSecond, long IndexBytes)
    {
        public static PeerIndex Parse(string output) => new(
            (long)JavaPeer.Number(JavaPeer.Row(output, "paragraphs")[0]),
            JavaPeer.Number(JavaPeer.Row(output, "index_wall_ms")[0]),
            JavaPeer.Number(JavaPeer.Row(output, "bytes_per_second")[0]) / 1e6,
            (long)JavaPeer.Number(JavaPeer.Row(output, "index_size_bytes")[0]));
    }

    [GeneratedRegex(@"= (?<docs>\d+) docs, (?<bytes>\d+) bytes;")]
    private static partial Regex ScaleHeader();
}

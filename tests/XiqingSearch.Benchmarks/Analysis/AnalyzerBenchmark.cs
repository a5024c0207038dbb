using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using XiqingSearch.Benchmarks.Peer;
using XiqingSearch.Core.Analysis;
using XiqingSearch.Core.Analysis.SmartCn;

namespace XiqingSearch.Benchmarks.Analysis;

/// <summary>
/// SmartCn analyzer benchmark, C# beside the Java Lucene peer on the same text in the same run (a plain
/// Stopwatch harness: warm-up, several timed runs, medians, ratios C# ÷ Java). It checks it did the work:
/// the token count is positive, equal across runs, and equal to the peer's.
/// </summary>
internal static class AnalyzerBenchmark
{
    private const int TargetBytes = 5_000_000;
    private const int WarmupRuns = 2;
    private const int TimedRuns = 5;
    private const int ColdLoadRuns = 3;

    public static int Run(string[] args)
    {
        var root = FindRepositoryRoot();
        var peer = Environment.GetEnvironmentVariable("XIQING_PEER")
            ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "tools", "lucene-peer", "run.sh"));
        var work = Directory.CreateTempSubdirectory("xiqing-bench-analyzer-").FullName;
        try
        {
            var (lines, bigFile) = PrepareCorpus(root, work);
            var chars = lines.Sum(l => (long)l.Length);
            Console.WriteLine($"corpus: seeds repeated to {new FileInfo(bigFile).Length:N0} UTF-8 bytes, {lines.Length:N0} lines, {chars:N0} UTF-16 units");

            // Dictionary load, each in a fresh process so the numbers are cold (JIT included, as for Java).
            var coldNoCache = Median(Enumerable.Range(0, ColdLoadRuns).Select(_ => LoadInChild(null)));
            var cacheFolder = Path.Combine(work, "cache");
            var cacheWrite = LoadInChild(cacheFolder);
            var coldWithCache = Median(Enumerable.Range(0, ColdLoadRuns).Select(_ => LoadInChild(cacheFolder)));

            // Warm throughput of the analyzer itself (each line its own field value, like the peer).
            var analyzer = new SmartCnAnalyzer(SmartCnDictionary.Shared(SmartCnOptions.FromEnvironment()));
            var expectedTokens = -1L;
            for (var i = 0; i < WarmupRuns; i++)
            {
                expectedTokens = Check(expectedTokens, CountTokens(analyzer, lines));
            }
            var rates = new List<double>();
            for (var i = 0; i < TimedRuns; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                var tokens = CountTokens(analyzer, lines);
                var seconds = stopwatch.Elapsed.TotalSeconds;
                expectedTokens = Check(expectedTokens, tokens);
                rates.Add(tokens / seconds);
                Console.WriteLine($"  C# run {i + 1}: {tokens:N0} tokens in {seconds * 1000:F0} ms = {tokens / seconds / 1e6:F3} M tokens/s");
            }
            var csRate = Median(rates);

            // The same work end to end as the peer does it: TSV rows written (to a null stream).
            var tsvRates = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                using (var input = new StreamReader(bigFile, new UTF8Encoding(false, true)))
                using (var output = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16))
                {
                    TokenTable.Write(analyzer, input, output);
                }
                tsvRates.Add(expectedTokens / stopwatch.Elapsed.TotalSeconds);
            }
            var csTsvRate = Median(tsvRates);

            // The peer: Lucene's own SmartChineseAnalyzer in one warm JVM (Peer/java/SmartCnTokenRate.java), timed
            // as above: dictionary load on first use, then warm-up passes and timed passes over the same lines.
            double? javaRate = null, javaLoad = null;
            long javaTokens = 0;
            if (File.Exists(peer))
            {
                var rate = JavaTokenRate.Run(peer, bigFile, WarmupRuns, TimedRuns, work);
                javaRate = rate.TokensPerSecond;
                javaLoad = rate.LoadMilliseconds;
                javaTokens = rate.Tokens;
                if (javaTokens != expectedTokens)
                {
                    Console.Error.WriteLine($"token count differs: C# {expectedTokens:N0}, Java {javaTokens:N0}");
                    return 1;
                }
            }
            else
            {
                Console.WriteLine($"peer not found at {peer} (set XIQING_PEER): Java columns skipped");
            }

            Console.WriteLine();
            Console.WriteLine($"tokens per pass: {expectedTokens:N0} (C#){(javaRate is null ? "" : $", {javaTokens:N0} (Java)")}");
            Console.WriteLine("| measure | C# | Java | C# ÷ Java |");
            Console.WriteLine("|---|---|---|---|");
            Row("analysis, warm (M tokens/s, median of 5)", csRate / 1e6, javaRate / 1e6, higherIsBetter: true);
            Row("analysis + TSV rows, warm (M tokens/s)", csTsvRate / 1e6, javaRate / 1e6, higherIsBetter: true);
            Row("dictionary load, cold, no cache (ms)", coldNoCache, javaLoad, higherIsBetter: false);
            Row("dictionary load, cold, from cache (ms)", coldWithCache, javaLoad, higherIsBetter: false);
            Console.WriteLine($"(first load that also wrote the cache: {cacheWrite:F1} ms)");
            Console.WriteLine("Java = Lucene 8.8's SmartChineseAnalyzer from the peer's jars in one JVM (Peer/java/SmartCnTokenRate.java):");
            Console.WriteLine("the same lines, the same warm-up and timed passes, median. Java load = analyzer construction + first line,");
            Console.WriteLine("in a JVM that has just started (as a cold C# process). C# loads run in fresh processes.");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Child-process verb: loads the dictionary once and prints the milliseconds it took.</summary>
    public static int LoadOnce(string[] args)
    {
        var options = SmartCnOptions.FromEnvironment(cacheDirectory: args.Length > 0 ? args[0] : null);
        var stopwatch = Stopwatch.StartNew();
        var dictionary = SmartCnDictionary.Load(options);
        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        Console.WriteLine(elapsed.ToString("F3", CultureInfo.InvariantCulture) + " " + dictionary.LoadedFromCache);
        return 0;
    }

    /// <summary>Prints the SmartCn token table of a file, in the peer's format.</summary>
    public static int PrintTokens(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: tokens FILE");
            return 2;
        }
        var analyzer = new SmartCnAnalyzer(SmartCnOptions.FromEnvironment());
        using var input = new StreamReader(args[0], new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false);
        using var stdout = Console.OpenStandardOutput();
        using var output = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 16);
        TokenTable.Write(analyzer, input, output);
        return 0;
    }

    private static long CountTokens(Analyzer analyzer, string[] lines)
    {
        long count = 0;
        foreach (var line in lines)
        {
            using var stream = analyzer.GetTokenStream("text", line);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                count += term.Length > 0 ? 1 : 0;
            }
            stream.End();
        }
        return count;
    }

    private static long Check(long expected, long actual)
    {
        if (actual <= 0 || (expected >= 0 && actual != expected))
        {
            throw new InvalidOperationException($"token count {actual} (expected {expected}): the benchmark did not do the same work");
        }
        return actual;
    }

    private static (string[] Lines, string BigFile) PrepareCorpus(string root, string work)
    {
        var seeds = Directory.GetFiles(Path.Combine(root, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        if (seeds.Length == 0)
        {
            throw new InvalidOperationException("no seeds found under " + root);
        }
        var text = new StringBuilder();
        var one = string.Concat(seeds.Select(s => File.ReadAllText(s, new UTF8Encoding(false, true)).TrimStart('\uFEFF') + "\n"));
        var oneBytes = Encoding.UTF8.GetByteCount(one);
        for (var bytes = 0L; bytes < TargetBytes; bytes += oneBytes)
        {
            text.Append(one);
        }
        var bigFile = Path.Combine(work, "big.txt");
        File.WriteAllText(bigFile, text.ToString(), new UTF8Encoding(false));
        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
        return (lines, bigFile);
    }

    private static double LoadInChild(string? cacheFolder)
    {
        var output = RunProcess(SelfCommand(), cacheFolder is null ? ["analyzer-load-once"] : ["analyzer-load-once", cacheFolder], out _);
        return double.Parse(output.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static (string File, string[] Prefix) SelfCommand()
    {
        var process = Environment.ProcessPath!;
        // Under `dotnet X.dll` the process is the dotnet host; under the apphost it is the program itself.
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, [typeof(AnalyzerBenchmark).Assembly.Location])
            : (process, []);
    }

    // Runs a command; returns the last line it printed and counts its lines.
    private static string RunProcess((string File, string[] Prefix) command, string[] args, out long lines)
    {
        var info = new ProcessStartInfo(command.File) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in command.Prefix.Concat(args))
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var last = "";
        long count = 0;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            count++;
            last = line;
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command.File} {string.Join(' ', args)} exited with {process.ExitCode}");
        }
        lines = count;
        return last;
    }

    private static string FindRepositoryRoot() => Testing.RepositoryRoot.Path;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static void Row(string name, double cs, double? java, bool higherIsBetter)
    {
        var javaText = java is null ? "–" : java.Value.ToString("F3", CultureInfo.InvariantCulture);
        var ratio = java is null or 0 ? "–" : (cs / java.Value).ToString("F2", CultureInfo.InvariantCulture)
            + (higherIsBetter ? " (higher is better)" : " (lower is better)");
        Console.WriteLine($"| {name} | {cs.ToString("F3", CultureInfo.InvariantCulture)} | {javaText} | {ratio} |");
    }
}

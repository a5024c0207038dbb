using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using XiqingSearch.Benchmarks.Peer;
using XiqingSearch.Core.Analysis;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Export;

namespace XiqingSearch.Benchmarks.Analysis;

/// <summary>
/// SmartCn analyzer benchmark: ours, the Lucene.Net.Analysis.SmartCn package's own analyzer and the Java Lucene
/// peer on the same text in the same run (a plain
/// Stopwatch harness: warm-up, several timed runs, medians, ratios C# ÷ Java). It checks it did the work:
/// the token count is positive, equal across runs, and equal to the peer's.
/// </summary>
internal static class AnalyzerBenchmark
{
    private const int TargetBytes = 5_000_000;
    private const int WarmupRuns = 2;
    private const int TimedRuns = 5;
    private const int ColdLoadRuns = 5;

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

            // Dictionary load, each in a fresh process so the numbers are cold (JIT included, as for Java): our
            // reader on the package's resources (the default source) and on the jar, and the package's own
            // analyzer (construction + first line, as Java's load is measured).
            var jar = Environment.GetEnvironmentVariable("XIQING_SMARTCN_JAR")
                      ?? (File.Exists(peer) ? JavaTokenRate.SmartCnJar(peer) : null);
            // The three sources take turns, so that a change of load on a shared machine affects them alike.
            var packageLoads = new List<double>();
            var jarLoads = new List<double>();
            var luceneNetLoads = new List<double>();
            for (var i = 0; i < ColdLoadRuns; i++)
            {
                packageLoads.Add(LoadInChild("package"));
                if (jar is not null)
                {
                    jarLoads.Add(LoadInChild("jar", jar));
                }
                luceneNetLoads.Add(LoadInChild("lucene-net"));
            }
            var coldPackage = Median(packageLoads);
            double? coldJar = jar is null ? null : Median(jarLoads);
            var coldLuceneNet = Median(luceneNetLoads);

            // Warm throughput of both analyzers on the same lines (each line its own field value, like the peer),
            // their timed passes interleaved (ours, package, ours, …) so that a machine whose load changes during
            // the run slows both alike. The package's token count is reported, not required to match ours: it
            // splits supplementary characters differently (the seeds have none, so the counts agree on them).
            var analyzer = new SmartCnAnalyzer(SmartCnDictionary.Shared(new SmartCnOptions { JarPath = null }));
            using var packageAnalyzer = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48);
            long expectedTokens = -1, packageTokens = -1;
            for (var i = 0; i < WarmupRuns; i++)
            {
                expectedTokens = Check(expectedTokens, CountTokens(analyzer, lines));
                packageTokens = Check(packageTokens, CountTokens(packageAnalyzer, lines));
            }
            var rates = new List<double>();
            var packageRates = new List<double>();
            for (var i = 0; i < TimedRuns; i++)
            {
                rates.Add(TimedPass("C#", i, analyzer, lines, ref expectedTokens));
                packageRates.Add(TimedPass("package", i, packageAnalyzer, lines, ref packageTokens));
            }
            var csRate = Median(rates);
            var packageRate = Median(packageRates);

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

            // Agreement with the oracle: the Java token tables of the seeds and the edge-case file (golden files).
            var seedsAgreement = OracleAgreement(SeedTables(root), analyzer, packageAnalyzer);
            var edgeAgreement = OracleAgreement(EdgeCaseTables(root), analyzer, packageAnalyzer);

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
            Console.WriteLine($"tokens per pass: {expectedTokens:N0} (ours), {packageTokens:N0} (package){(javaRate is null ? "" : $", {javaTokens:N0} (Java)")}");
            Console.WriteLine("| measure | ours | package | Java | ours ÷ Java | package ÷ Java |");
            Console.WriteLine("|---|---|---|---|---|---|");
            Row("analysis, warm (M tokens/s, median of 5)", csRate / 1e6, packageRate / 1e6, javaRate / 1e6, higherIsBetter: true);
            Row("analysis + TSV rows, warm (M tokens/s)", csTsvRate / 1e6, null, javaRate / 1e6, higherIsBetter: true);
            Row("load, cold: package resources (ms)", coldPackage, coldLuceneNet, javaLoad, higherIsBetter: false);
            Row("load, cold: the jar (ms)", coldJar, null, javaLoad, higherIsBetter: false);
            AgreementRow("seeds", seedsAgreement);
            AgreementRow("edge-cases.txt", edgeAgreement);
            Console.WriteLine(jar is null ? "(no jar: set XIQING_SMARTCN_JAR or XIQING_PEER for the jar row)" : $"(jar: {jar})");
            Console.WriteLine("package = Lucene.Net.Analysis.SmartCn's SmartChineseAnalyzer; its load = construction + first line in a fresh process.");
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

    /// <summary>Child-process verb: <c>package</c>, <c>jar JAR</c> or <c>lucene-net</c>; loads that source
    /// once and prints the milliseconds it took.</summary>
    public static int LoadOnce(string[] args)
    {
        var stopwatch = Stopwatch.StartNew();
        var note = "";
        switch (args.FirstOrDefault())
        {
            case "package":
                note = SmartCnDictionary.Load(new SmartCnOptions { JarPath = null }).Source;
                break;
            case "jar" when args.Length >= 2:
                note = SmartCnDictionary.Load(new SmartCnOptions { JarPath = args[1] }).Source;
                break;
            case "lucene-net":
                using (var analyzer = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48))
                {
                    note = CountTokens(analyzer, ["中国人民在西青区发展经济。"]).ToString(CultureInfo.InvariantCulture);
                }
                break;
            default:
                Console.Error.WriteLine("usage: analyzer-load-once package | jar JAR | lucene-net");
                return 2;
        }
        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        Console.WriteLine(elapsed.ToString("F3", CultureInfo.InvariantCulture) + " " + note);
        return 0;
    }

    /// <summary>The seeds and their Java golden token tables.</summary>
    private static List<(string Input, string Oracle)> SeedTables(string root) =>
        [.. Directory.GetFiles(Path.Combine(root, "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Input: f, Oracle: Path.Combine(GoldenFolder(root), "seed-" + Path.GetFileNameWithoutExtension(f) + ".smartcn.tsv")))];

    /// <summary>The edge-case file (supplementary characters, mixed scripts, punctuation runs) and its Java table.</summary>
    private static List<(string Input, string Oracle)> EdgeCaseTables(string root) =>
        [(Path.Combine(GoldenFolder(root), "edge-cases.txt"), Path.Combine(GoldenFolder(root), "edge-cases.smartcn.tsv"))];

    private static string GoldenFolder(string root) => Path.Combine(root, "tests", "XiqingSearch.Core.Tests", "Analysis", "Golden");

    /// <summary>Rows of the token tables (TokenTable's TSV) of each analyzer equal to the Java oracle's golden
    /// rows; a row counts when it is equal at the same line number, so one token split differently shifts every
    /// later row of its file. Files counts the files whose whole table is equal.</summary>
    private static Agreement OracleAgreement(List<(string Input, string Oracle)> inputs, Analyzer ours, Analyzer package)
    {
        var missing = inputs.FirstOrDefault(p => !File.Exists(p.Oracle) || !File.Exists(p.Input));
        if (missing != default)
        {
            throw new InvalidOperationException($"golden table {missing.Oracle} (or its input) is missing");
        }
        long oursEqual = 0, packageEqual = 0, rows = 0;
        int oursFiles = 0, packageFiles = 0;
        foreach (var (input, oracle) in inputs)
        {
            var expected = File.ReadAllLines(oracle, new UTF8Encoding(false, true));
            rows += expected.Length;
            var oursTable = Table(ours, input);
            var packageTable = Table(package, input);
            oursEqual += EqualRows(expected, oursTable);
            packageEqual += EqualRows(expected, packageTable);
            oursFiles += expected.SequenceEqual(oursTable, StringComparer.Ordinal) ? 1 : 0;
            packageFiles += expected.SequenceEqual(packageTable, StringComparer.Ordinal) ? 1 : 0;
        }
        return new Agreement(rows, inputs.Count, oursEqual, oursFiles, packageEqual, packageFiles);
    }

    private sealed record Agreement(long Rows, int Files, long Ours, int OursFiles, long Package, int PackageFiles);

    private static void AgreementRow(string what, Agreement a) =>
        Console.WriteLine($"| token rows equal to the oracle's: {what}, {a.Rows:N0} rows | {a.Ours:N0} ({a.OursFiles}/{a.Files} files identical) | "
            + $"{a.Package:N0} ({a.PackageFiles}/{a.Files} files identical) | {a.Rows:N0} (the oracle) | | |");

    private static double TimedPass(string who, int run, Analyzer analyzer, string[] lines, ref long expectedTokens)
    {
        var stopwatch = Stopwatch.StartNew();
        var tokens = CountTokens(analyzer, lines);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        expectedTokens = Check(expectedTokens, tokens);
        Console.WriteLine($"  {who} run {run + 1}: {tokens:N0} tokens in {seconds * 1000:F0} ms = {tokens / seconds / 1e6:F3} M tokens/s");
        return tokens / seconds;
    }

    private static string[] Table(Analyzer analyzer, string file)
    {
        using var input = new StreamReader(file, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false);
        using var buffer = new MemoryStream();
        using (var output = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            TokenTable.Write(analyzer, input, output);
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static long EqualRows(string[] expected, string[] actual) =>
        expected.Zip(actual).LongCount(p => string.Equals(p.First, p.Second, StringComparison.Ordinal));

    /// <summary>Prints the SmartCn token table of a file, in the peer's format.</summary>
    public static int PrintTokens(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: tokens FILE");
            return 2;
        }
        var analyzer = new SmartCnAnalyzer(SmartCnOptions.For(Environment.GetEnvironmentVariable("XIQING_SMARTCN_JAR")));
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

    private static double LoadInChild(params string[] args)
    {
        var output = RunProcess(SelfCommand(), ["analyzer-load-once", .. args], out _);
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

    private static void Row(string name, double? ours, double? package, double? java, bool higherIsBetter)
    {
        static string Number(double? value) => value is null ? "–" : value.Value.ToString("F3", CultureInfo.InvariantCulture);
        string Ratio(double? value) => value is null || java is null or 0 ? "–"
            : (value.Value / java.Value).ToString("F2", CultureInfo.InvariantCulture) + (higherIsBetter ? " (higher is better)" : " (lower is better)");
        Console.WriteLine($"| {name} | {Number(ours)} | {Number(package)} | {Number(java)} | {Ratio(ours)} | {Ratio(package)} |");
    }
}

using System.Diagnostics;
using System.Globalization;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Benchmarks.Peer;

/// <summary>
/// Compiles and runs <c>Peer/java/SmartCnTokenRate.java</c> against the peer's Lucene jars: Java's own
/// SmartChineseAnalyzer, timed in one warm JVM exactly as the C# analyzer is timed, so the throughput ratio
/// compares analysis with analysis (the peer's <c>tokens</c> command also starts a JVM and writes TSV).
/// </summary>
internal static class JavaTokenRate
{
    public sealed record Measurement(double LoadMilliseconds, long Tokens, double TokensPerSecond);

    public static Measurement Run(string peerScript, string file, int warmup, int runs, string work)
    {
        var lib = LibraryFolder(peerScript);
        var source = Path.Combine(AppContext.BaseDirectory, "Peer", "java", "SmartCnTokenRate.java");
        var classes = Path.Combine(work, "java-classes");
        Directory.CreateDirectory(classes);
        Exec("javac", ["-encoding", "UTF-8", "-cp", Path.Combine(lib, "*"), "-d", classes, source]);
        var output = Exec("java", ["-Xms1g", "-Xmx4g", "-cp", $"{Path.Combine(lib, "*")}:{classes}", "SmartCnTokenRate", file,
            warmup.ToString(CultureInfo.InvariantCulture), runs.ToString(CultureInfo.InvariantCulture)]);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .Where(c => c.Length == 2)
            .GroupBy(c => c[0])
            .ToDictionary(g => g.Key, g => g.Last()[1]);
        return new Measurement(
            double.Parse(rows["load_ms"], CultureInfo.InvariantCulture),
            long.Parse(rows["tokens"], CultureInfo.InvariantCulture),
            double.Parse(rows["median_tokens_per_second"], CultureInfo.InvariantCulture));
    }

    /// <summary>The peer's SmartCn jar (Lucene 8.8's dictionaries).</summary>
    public static string SmartCnJar(string peerScript) =>
        Directory.GetFiles(LibraryFolder(peerScript), "lucene-analyzers-smartcn-*.jar").Order(StringComparer.Ordinal).First();

    /// <summary>The peer keeps its jars in lib/ beside run.sh, or in ~/.cache/lucene-peer/lib when that folder is read-only.</summary>
    private static string LibraryFolder(string peerScript)
    {
        // `run.sh version` fetches the jars on first use.
        Exec(peerScript, ["version"]);
        var beside = Path.Combine(Path.GetDirectoryName(peerScript)!, "lib");
        var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "lucene-peer", "lib");
        var state = Environment.GetEnvironmentVariable("LUCENE_PEER_STATE");
        foreach (var candidate in new[] { state is null ? null : Path.Combine(state, "lib"), beside, cache })
        {
            if (candidate is not null && Directory.Exists(candidate) && Directory.GetFiles(candidate, "lucene-analyzers-smartcn-*.jar").Length > 0)
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"the peer's Lucene jars were not found beside {peerScript} or in {cache}");
    }

    private static string Exec(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result.Trim()}");
        }
        return stdout;
    }
}

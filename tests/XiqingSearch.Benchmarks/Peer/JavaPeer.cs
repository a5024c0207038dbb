using System.Diagnostics;
using System.Globalization;
using System.Text;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Benchmarks.Peer;

/// <summary>
/// The Java Lucene peer (<c>../shared/tools/lucene-peer/run.sh</c> from the repository root, or <c>XIQING_PEER</c>):
/// finds it, runs one of its subcommands, and reads the tab-separated rows it prints. Benchmarks put the C# number
/// beside the peer's number from the same run and print the ratio.
/// </summary>
internal sealed class JavaPeer
{
    private JavaPeer(string script) => Script = script;

    /// <summary>Full path of the peer's <c>run.sh</c>.</summary>
    public string Script { get; }

    /// <summary>The peer next to <paramref name="repositoryRoot"/>, or null (with the reason printed) when it is missing.</summary>
    public static JavaPeer? Locate(string repositoryRoot)
    {
        var script = Environment.GetEnvironmentVariable("XIQING_PEER")
            ?? Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "tools", "lucene-peer", "run.sh"));
        if (Directory.Exists(script))
        {
            script = Path.Combine(script, "run.sh");
        }
        if (!File.Exists(script))
        {
            Console.WriteLine($"peer not found at {script} (set XIQING_PEER): Java columns skipped");
            return null;
        }
        return new JavaPeer(script);
    }

    /// <summary>A file that ships with the peer (<c>queries.txt</c>, <c>phrases.txt</c>).</summary>
    public string PeerFile(string name) => Path.Combine(Path.GetDirectoryName(Script)!, name);

    /// <summary>Runs <c>run.sh ARGS</c> and returns everything it printed on stdout; throws when it fails.</summary>
    public string Run(params string[] args)
    {
        var info = new ProcessStartInfo(Script)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Script} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result.Trim()}");
        }
        return stdout;
    }

    /// <summary>The cells after the first of the first line whose first tab-separated cell is <paramref name="key"/>.</summary>
    public static string[] Row(string output, string key) =>
        Lines(output).Select(l => l.Split('\t')).FirstOrDefault(cells => cells[0] == key)?[1..]
            ?? throw new FormatException($"the peer printed no '{key}' row");

    /// <summary>The rows of the table that follows the line starting with <paramref name="heading"/>, up to the next blank line.</summary>
    public static IReadOnlyList<string[]> Table(string output, string heading) =>
        [.. Lines(output)
            .SkipWhile(l => !l.StartsWith(heading, StringComparison.Ordinal))
            .Skip(1)
            .Where(l => !l.StartsWith('#'))
            .TakeWhile(l => l.Length > 0)
            .Select(l => l.Split('\t'))];

    /// <summary>A number the peer printed (invariant culture).</summary>
    public static double Number(string cell) => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Lines(string output) => output.Split('\n').Select(l => l.TrimEnd('\r'));
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// Real processes against one index folder: concurrent builds, a build lock held by someone else, and seeds or
/// index folders broken the way an unlucky operator breaks them. Whatever happens, the last good index answers
/// with the right totals and nothing is an internal error (exit 3). Permission cases run the CLI as the
/// unprivileged user <c>nobody</c> when the tests run as root (root ignores file permissions).
/// </summary>
public sealed class ReliabilityTests
{
    private const string Park = "天开西青园";
    private const int ParkOccurrences = 8;

    [Fact]
    public async Task ConcurrentForcedBuilds_NeverBreakTheIndex()
    {
        using var corpus = new TempCorpus();
        // More sources make each build longer, so the builds really overlap: 5 seeds × 2 copies, each copy with a
        // line of its own (the same text twice would be indexed once).
        foreach (var file in Directory.GetFiles(corpus.Seeds))
        {
            for (var copy = 1; copy < 2; copy++)
            {
                File.WriteAllText(Path.Combine(corpus.Seeds, $"{Path.GetFileNameWithoutExtension(file)}_{copy}.txt"),
                    File.ReadAllText(file) + $"\n（副本{copy}）\n");
            }
        }
        Assert.Equal(0, corpus.Run("index").ExitCode);

        var trials = 0;
        var builds = 0;
        for (var trial = 0; trial < 3; trial++)
        {
            var processes = 3;
            var runs = await Task.WhenAll(Enumerable.Range(0, processes).Select(async i =>
            {
                await Task.Delay(i * 150 * (trial + 1));
                return await Task.Run(() => corpus.Run("index", "--force"));
            }));
            builds += processes;
            trials++;
            foreach (var run in runs)
            {
                // Each either built in its turn or (after waiting) gave up with index.busy; none wrote alongside another.
                Assert.True(run.ExitCode == 0 || (run.ExitCode == 2 && run.Stderr.Contains("index.busy", StringComparison.Ordinal)), run.ToString());
            }
            Assert.Contains(runs, r => r.Stderr.Contains("waiting for another build", StringComparison.Ordinal));
            AssertParkTotals(corpus, ParkOccurrences * 2);
            Assert.Equal(0, corpus.Run("stats").ExitCode);
        }
        Assert.Equal(9, builds);
        Assert.Equal(3, trials);
    }

    [Fact]
    public void BuildLockHeldElsewhere_SecondWriterWaitsThenStopsWithIndexBusy_WithoutWriting()
    {
        using var corpus = new TempCorpus();
        Assert.Equal(0, corpus.Run("index").ExitCode);
        var before = IndexFiles(corpus.Index);

        // Held the way a running build holds it: an exclusive lock on build.lock (flock LOCK_EX on Linux).
        using (new FileStream(Path.Combine(corpus.Index, "build.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var run = corpus.Run("index", "--force", "--wait", "1");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("waiting for another build", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("[index.busy]", run.Stderr, StringComparison.Ordinal);
            Assert.Equal(before, IndexFiles(corpus.Index));
        }
        Assert.Equal(0, corpus.Run("index", "--force").ExitCode);
        AssertParkTotals(corpus, ParkOccurrences);
    }

    [Theory]
    [InlineData("symlink-loop", "ingest.broken-link")]
    [InlineData("dangling-symlink", "ingest.broken-link")]
    [InlineData("fifo", "ingest.not-a-file")]
    [InlineData("binary", "ingest.binary-file")]
    [InlineData("unreadable", "ingest.unreadable")]
    public void BrokenSeedsEntry_IndexSkipsNamingIt_ExitsZero_StrictExitsThree(string kind, string code)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var corpus = new TempCorpus();
        Unprivileged.Own(corpus.Root);
        Assert.Equal(0, Unprivileged.Run(corpus.Root, "index").ExitCode);
        var name = Break(corpus.Seeds, kind);

        // The rebuild goes on without the entry, names it on standard output, and succeeds.
        var index = Unprivileged.Run(corpus.Root, "index");
        Assert.True(index.ExitCode == 0, index.ToString());
        Assert.Contains(index.Stdout.Split('\n'), l => l.Contains($"[{code}]", StringComparison.Ordinal) && l.Contains(name, StringComparison.Ordinal));
        var strict = Unprivileged.Run(corpus.Root, "index", "--strict");
        Assert.True(strict.ExitCode == 3, strict.ToString());
        Assert.Contains(name, strict.Stdout, StringComparison.Ordinal);

        // Searches answer from the new commit, with all five seeds, and nothing to warn about.
        var search = Unprivileged.Run(corpus.Root, "search", Park, "--format", "json");
        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Equal(ParkOccurrences, JsonDocument.Parse(search.Stdout).RootElement.GetProperty("totalOccurrences").GetInt32());
        Assert.DoesNotContain("warning", search.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOnlyIndexFolder_SaysPermissionDenied_AndSearchKeepsAnswering()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var corpus = new TempCorpus();
        Unprivileged.Own(corpus.Root);
        Assert.Equal(0, Unprivileged.Run(corpus.Root, "index").ExitCode);
        File.SetUnixFileMode(corpus.Index, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.AppendAllText(Path.Combine(corpus.Seeds, "000_313d8db390bab93c.txt"), "\n新增一段：天开西青园。\n");

        var index = Unprivileged.Run(corpus.Root, "index");
        Assert.True(index.ExitCode == 2, index.ToString());
        Assert.Contains("[index.read-only]", index.Stderr, StringComparison.Ordinal);
        Assert.Contains("permission denied", index.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("another build", index.Stderr, StringComparison.Ordinal);

        var search = Unprivileged.Run(corpus.Root, "search", Park, "--format", "json");
        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Equal(ParkOccurrences, JsonDocument.Parse(search.Stdout).RootElement.GetProperty("totalOccurrences").GetInt32());
        Assert.Contains("[index.read-only]", search.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexPathIsAFile_OrParentUnwritable_HasItsOwnProblem()
    {
        using var corpus = new TempCorpus();
        Unprivileged.Own(corpus.Root);
        var file = Path.Combine(corpus.Root, "not-a-folder");
        File.WriteAllText(file, "x");
        Unprivileged.Own(file);
        var isFile = Unprivileged.Run(corpus.Root, "index", "--index", file);
        Assert.True(isFile.ExitCode == 2, isFile.ToString());
        Assert.Contains("[index.path-is-file]", isFile.Stderr, StringComparison.Ordinal);
        Assert.Contains(file, isFile.Stderr, StringComparison.Ordinal);
        Assert.Contains("--index", isFile.Stderr, StringComparison.Ordinal); // the CLI names its flag; Core does not

        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var parent = Path.Combine(corpus.Root, "locked");
        Directory.CreateDirectory(parent);
        Unprivileged.Own(parent);
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var child = Path.Combine(parent, "index");
        var cannot = Unprivileged.Run(corpus.Root, "index", "--index", child);
        Assert.True(cannot.ExitCode == 2, cannot.ToString());
        Assert.Contains("[index.cannot-create]", cannot.Stderr, StringComparison.Ordinal);
        Assert.Contains(child, cannot.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithARefusedRebuild_StartsOnTheGoodIndex_AndNamesTheProblemInReadyz()
    {
        using var corpus = new TempCorpus();
        Assert.Equal(0, corpus.Run("index").ExitCode);
        var bad = Break(corpus.Seeds, "nothing-readable");

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = corpus.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliRunner.XiqingDll, "serve", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }
        var log = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            JsonElement? ready = null;
            for (var attempt = 0; attempt < 240 && ready is null && !process.HasExited; attempt++)
            {
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/readyz");
                    // The last good commit serves at once; the start-up rebuild's refusal shows once it has run.
                    if (response.StatusCode == HttpStatusCode.OK
                        && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() is var probe
                        && probe.TryGetProperty("rebuildRefused", out _))
                    {
                        ready = probe;
                    }
                }
                catch (HttpRequestException)
                {
                }
                if (ready is null)
                {
                    await Task.Delay(500);
                }
            }
            Assert.True(ready is not null, "serve did not become ready:\n" + log);
            Assert.Equal("ingest.folder-empty", ready.Value.GetProperty("rebuildRefused")[0].GetString());
            var body = await http.GetStringAsync($"http://127.0.0.1:{port}/api/search?q={Uri.EscapeDataString(Park)}");
            Assert.Equal(ParkOccurrences, JsonDocument.Parse(body).RootElement.GetProperty("totalOccurrences").GetInt32());
            lock (log)
            {
                Assert.Contains(bad, log.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>Puts a broken entry of <paramref name="kind"/> into <paramref name="seeds"/>; returns its name.</summary>
    private static string Break(string seeds, string kind)
    {
        switch (kind)
        {
            case "symlink-loop":
                File.CreateSymbolicLink(Path.Combine(seeds, "loop-a.txt"), "loop-b.txt");
                File.CreateSymbolicLink(Path.Combine(seeds, "loop-b.txt"), "loop-a.txt");
                return "loop-a.txt";
            case "dangling-symlink":
                File.CreateSymbolicLink(Path.Combine(seeds, "dangling.txt"), "no-such-file.txt");
                return "dangling.txt";
            case "fifo":
                var fifo = Path.Combine(seeds, "pipe.txt");
                using (var mkfifo = Process.Start("mkfifo", [fifo]))
                {
                    mkfifo.WaitForExit();
                    Assert.Equal(0, mkfifo.ExitCode);
                }
                return "pipe.txt";
            case "binary":
                File.WriteAllBytes(Path.Combine(seeds, "blob.txt"), [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);
                return "blob.txt";
            case "nothing-readable":
                // Every seed gone but a file that is no text: nothing to build from, so the rebuild is refused.
                foreach (var seed in Directory.GetFiles(seeds))
                {
                    File.Delete(seed);
                }
                File.WriteAllBytes(Path.Combine(seeds, "blob.txt"), [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);
                return "blob.txt";
            case "unreadable" when !OperatingSystem.IsWindows():
                var secret = Path.Combine(seeds, "secret.txt");
                File.WriteAllText(secret, "西青区2024年工作要点\n\n天开西青园。\n");
                Unprivileged.Own(secret);
                File.SetUnixFileMode(secret, UnixFileMode.None);
                return "secret.txt";
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static void AssertParkTotals(TempCorpus corpus, int occurrences)
    {
        var search = corpus.Run("search", Park, "--format", "json");
        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Equal(occurrences, JsonDocument.Parse(search.Stdout).RootElement.GetProperty("totalOccurrences").GetInt32());
    }

    private static Dictionary<string, long> IndexFiles(string index) =>
        Directory.GetFiles(index).Where(f => !Path.GetFileName(f).StartsWith("build.lock", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), f => new FileInfo(f).Length);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs the CLI as <c>nobody</c> when the tests run as root, so file permissions apply to it.</summary>
    private static class Unprivileged
    {
        private const string Nobody = "65534";

        private static bool IsRoot => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;

        /// <summary>Gives <paramref name="path"/> (recursively) to nobody when running as root.</summary>
        public static void Own(string path)
        {
            if (!IsRoot)
            {
                return;
            }
            using var chown = Process.Start("chown", ["-R", $"{Nobody}:{Nobody}", path]);
            chown.WaitForExit();
            Assert.Equal(0, chown.ExitCode);
        }

        public static CliRun Run(string workingDirectory, params string[] args)
        {
            if (!IsRoot)
            {
                return CliRunner.Run(workingDirectory, args);
            }
            var start = new ProcessStartInfo("setpriv")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var arg in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "dotnet", CliRunner.XiqingDll })
            {
                start.ArgumentList.Add(arg);
            }
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            foreach (var name in new[] { "XIQING_SEEDS", "XIQING_INDEX", "XIQING_SMARTCN_JAR", "NO_COLOR", "XIQING_DEBUG" })
            {
                start.Environment.Remove(name);
            }
            // nobody has no home; .NET's first-run files go to the temp folder instead.
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
            start.Environment["HOME"] = Path.GetTempPath();
            using var process = Process.Start(start)!;
            using var stdout = new MemoryStream();
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            var readErr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"xiqing {string.Join(' ', args)} did not finish");
            }
            copyOut.Wait();
            return new CliRun(process.ExitCode, stdout.ToArray(), readErr.Result);
        }
    }
}

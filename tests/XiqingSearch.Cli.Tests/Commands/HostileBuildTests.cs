using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// Hostile inputs built by a real <c>xiqing index</c> process, its peak RSS read from <c>/proc</c>: a DOCX zip bomb
/// and HTML nested 100,000 deep are skipped and named, and the seeds still serve. A large text file is indexed
/// whole in memory that does not grow with the file: streamed past <c>ingestion:streamTextBytes</c>, its build stays under a peak-RSS bound. The file's size and
/// the bound are settings of the test (environment <c>XIQING_TEST_LARGE_TEXT_MB</c>, default 3, and
/// <c>XIQING_TEST_MAX_BUILD_RSS_MB</c>, default 400), so a faster machine can run it on a file of the issue's
/// 200 MB against its 600 MB goal; the defaults keep it near a minute on a loaded two-core machine.
/// </summary>
public sealed class HostileBuildTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Fact]
    public void Index_LargeTextFile_IsIndexedWholeUnderThePeakRssBound()
    {
        if (!OperatingSystem.IsLinux())
        {
            // The peak is read from /proc.
            return;
        }
        var megabytes = Setting("XIQING_TEST_LARGE_TEXT_MB", 3);
        var boundMegabytes = Setting("XIQING_TEST_MAX_BUILD_RSS_MB", 400);
        var seeds = Directory.GetFiles(_corpus.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        long written = 0;
        var copies = 0;
        using (var large = File.Create(Path.Combine(_corpus.Seeds, "large.txt")))
        {
            while (written < megabytes * 1_000_000L)
            {
                foreach (var seed in seeds)
                {
                    large.Write(seed);
                    large.Write("\n\n"u8);
                    written += seed.Length + 2;
                }
                copies++;
            }
        }
        // Streamed from 1 MB on, so a file of a few megabytes takes the streamed path the 200 MB file takes; the
        // document limit is below the file's text, which a streamed file is not bound by.
        var environment = new Dictionary<string, string?>
        {
            ["XIQING_INGESTION__STREAM_TEXT_BYTES"] = "1000000",
            ["XIQING_INGESTION__MAX_DOCUMENT_CHARACTERS"] = "1000000",
        };

        var (exitCode, output, peakKilobytes) = RunMeasured(_corpus.Root, ["index"], environment);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("large.txt:", output, StringComparison.Ordinal);
        Assert.True(peakKilobytes > 0, "no peak RSS was read");
        Assert.True(peakKilobytes <= boundMegabytes * 1024L,
            $"xiqing index of a {written / 1_000_000.0:F1} MB text file peaked at {peakKilobytes / 1024} MB RSS, over the bound of {boundMegabytes} MB");
        // Indexed whole: every occurrence of a phrase in the seeds is found in every copy of them.
        var search = _corpus.Run("search", "天开西青园", "--doc", "large", "--format", "json");
        Assert.True(search.ExitCode == 0, search.Stderr);
        var total = System.Text.Json.JsonDocument.Parse(search.Stdout).RootElement.GetProperty("totalOccurrences").GetInt32();
        var once = _corpus.Run("search", "天开西青园", "--format", "json");
        var perCopy = System.Text.Json.JsonDocument.Parse(once.Stdout).RootElement.GetProperty("totalOccurrences").GetInt32() - total;
        Assert.True(perCopy > 0, once.Stdout);
        Assert.Equal(perCopy * copies, total);
    }

    [Fact]
    public void Index_DocxZipBombAndHtmlNested100kDeep_AreSkippedAndNamed_UnderThePeakRssBound_AndTheSeedsServe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var boundMegabytes = Setting("XIQING_TEST_MAX_BUILD_RSS_MB", 400);
        // The case 1: word/document.xml inflating to 300 MB (over the 256 MiB part limit) from a few hundred KB.
        using (var file = File.Create(Path.Combine(_corpus.Seeds, "bomb.docx")))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            Entry(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"));
            Entry(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
            Entry(zip, "word/document.xml", w =>
            {
                const string paragraph = "<w:p><w:r><w:t>推动高质量发展，坚持稳中求进工作总基调。</w:t></w:r></w:p>";
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
                for (long written = 0; written < 300_000_000; written += Encoding.UTF8.GetByteCount(paragraph))
                {
                    w.Write(paragraph);
                }
                w.Write("</w:body></w:document>");
            });
        }
        // Case 2: 100,000 nested divs (1.1 MB), quadratic to parse before the depth limit.
        var html = "<html><head><title>嵌套</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "天开西青园"
            + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";
        File.WriteAllText(Path.Combine(_corpus.Seeds, "nested.html"), html, new UTF8Encoding(false));

        var (exitCode, output, peakKilobytes) = RunMeasured(_corpus.Root, ["index"], []);

        Assert.True(exitCode == 0, output);
        Assert.Contains("bomb.docx", output, StringComparison.Ordinal);
        Assert.Contains("nested.html", output, StringComparison.Ordinal);
        Assert.Contains("ingest.document-too-large", output, StringComparison.Ordinal);
        Assert.True(peakKilobytes <= boundMegabytes * 1024L,
            $"xiqing index with a zip bomb and 100k nested divs peaked at {peakKilobytes / 1024} MB RSS, over the bound of {boundMegabytes} MB");
        var search = _corpus.Run("search", "天开西青园");
        Assert.True(search.ExitCode == 0, search.Stderr);
        var stats = _corpus.Run("stats");
        Assert.True(stats.ExitCode == 0, stats.Stderr);
        Assert.Contains("bomb.docx", stats.Stdout + stats.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_FolderOfMutatedDocuments_CommitsTheSeeds_UnderThePeakRssBound()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var boundMegabytes = Setting("XIQING_TEST_MAX_BUILD_RSS_MB", 400);
        var fixtures = Path.Combine(TempCorpus.RepositoryRoot, "tests", "Fixtures");
        string[] sources =
        [
            Path.Combine(fixtures, "Documents", "000_313d8db390bab93c.docx"),
            Path.Combine(fixtures, "Documents", "000_313d8db390bab93c.html"),
            Path.Combine(fixtures, "Documents", "000_313d8db390bab93c.libreoffice.pdf"),
            Path.Combine(fixtures, "Markdown", "gov-cn-guobanhan-2006-82-answer.md"),
            Path.Combine(_corpus.Seeds, "002_f55b3c4a284a3151.txt"),
        ];
        // A fixed seed: every run builds the same mutants, so a failure can be replayed.
        var random = new Random(20261207);
        var all = sources.Select(File.ReadAllBytes).ToList();
        var names = new List<string>();
        for (var i = 0; i < sources.Length * 6; i++)
        {
            var bytes = all[i % sources.Length];
            var at = random.Next(1, bytes.Length);
            byte[] mutant = (i / sources.Length) switch
            {
                0 => [.. bytes[..at]],
                1 => [.. bytes[..at], .. all[random.Next(all.Count)][random.Next(1000)..]],
                2 => Flip(bytes, random),
                3 => [.. bytes[..at], .. Enumerable.Repeat(bytes[at..Math.Min(bytes.Length, at + 4096)], 50).SelectMany(b => b), .. bytes[at..]],
                4 => [.. bytes[..at], .. Enumerable.Range(0, 2048).Select(_ => (byte)random.Next(256)), .. bytes[at..]],
                _ => [.. Enumerable.Range(0, 4096).Select(_ => (byte)random.Next(256))],
            };
            var name = $"mutant-{i:D2}{Path.GetExtension(sources[i % sources.Length])}";
            File.WriteAllBytes(Path.Combine(_corpus.Seeds, name), mutant);
            names.Add(name);
        }

        var (exitCode, output, peakKilobytes) = RunMeasured(_corpus.Root, ["index", "--force"], []);

        Assert.True(exitCode == 0, output);
        Assert.True(peakKilobytes <= boundMegabytes * 1024L,
            $"xiqing index of {names.Count} mutated documents peaked at {peakKilobytes / 1024} MB RSS, over the bound of {boundMegabytes} MB");
        // The seeds still answer (000 may now be a copy of a mutated DOCX that kept its text, so no --doc).
        var search = _corpus.Run("search", "天开西青园", "--doc", "004_e4f3d8be122b771a");
        Assert.True(search.ExitCode == 0, search.Stdout + search.Stderr);
    }

    private static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < 32; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }
        return copy;
    }

    private static void Entry(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;

    /// <summary>
    /// Runs xiqing and reads its peak RSS (VmHWM, a high-water mark the kernel keeps) every 20 ms until it exits: the
    /// last reading is the peak up to 20 ms before the end, which is after the build committed.
    /// </summary>
    private static (int ExitCode, string Output, long PeakKilobytes) RunMeasured(string workingDirectory, IEnumerable<string> args,
        Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(CliRunner.XiqingDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in new[] { "XIQING_SEEDS", "XIQING_INDEX", "XIQING_SMARTCN_JAR", "XIQING_DEBUG" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var status = $"/proc/{process.Id}/status";
        var clock = Stopwatch.StartNew();
        while (!process.WaitForExit(20))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("xiqing index did not finish in 10 minutes");
            }
            try
            {
                foreach (var line in File.ReadLines(status))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        peak = Math.Max(peak, long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended between the wait and the read.
            }
        }
        return (process.ExitCode, stdout.Result + stderr.Result, peak);
    }

    public void Dispose() => _corpus.Dispose();
}

using System.Diagnostics;
using System.Text.Json;
using UglyToad.PdfPig;
using XiqingSearch.Core.Ingestion;
using static XiqingSearch.Benchmarks.Peer.BenchmarkHost;

namespace XiqingSearch.Benchmarks.Ingestion;

/// <summary>
/// Ingestion of the real documents (<c>tests/Fixtures/RealDocuments/</c>) per format (the <c>format</c> of each
/// file in its <c>truth.json</c>): documents/s and MB/s of <see cref="CorpusReader.ReadDocument"/> (decode, lay out,
/// split, describe; no catalogue), and for PDF pages/s beside poppler's <c>pdftotext</c> on the same PDFs in the
/// same run (a process per file). A document the reader refuses still counts, and is reported as refused.
/// </summary>
internal static class IngestBenchmark
{
    public static int Run(string[] args)
    {
        var reps = IntOption(args, "--reps", 5);
        var folder = Path.Combine(RepositoryRoot(), "tests", "Fixtures", "RealDocuments");
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "truth.json")));
        var formats = truth.RootElement.GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("file").GetString()!, d => d.GetProperty("format").GetString()!);
        var listed = CorpusReader.ListFiles(folder);
        if (!listed.IsSuccess)
        {
            Console.Error.WriteLine(string.Join("; ", listed.Problems));
            return 1;
        }
        var groups = listed.Value.Where(f => formats.ContainsKey(f.FileName))
            .GroupBy(f => formats[f.FileName]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();

        foreach (var group in groups)
        {
            Read(group); // JIT, fonts, dictionaries
        }
        Console.WriteLine($"Ingestion of {folder}: median of {reps} runs");
        Console.WriteLine("| format | documents | refused | MB | documents/s | MB/s | slowest file (s) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var group in groups)
        {
            var seconds = new List<double>();
            var refused = 0;
            for (var rep = 0; rep < reps; rep++)
            {
                var clock = Stopwatch.StartNew();
                refused = Read(group);
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
            var s = Median(seconds);
            var bytes = group.Sum(f => f.Bytes);
            var slowest = group.Select(f => (File: f.FileName, Seconds: Time(f))).MaxBy(t => t.Seconds);
            Console.WriteLine($"| {group.Key} | {group.Count()} | {refused} | {F(bytes / 1e6, 2)} | {F(group.Count() / s, 1)} | " +
                $"{F(bytes / 1e6 / s, 2)} | {slowest.File} ({F(slowest.Seconds)}) |");
        }

        var pdfs = listed.Value.Where(f => f.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).ToList();
        if (pdfs.Count > 0)
        {
            var pages = pdfs.Sum(f =>
            {
                using var pdf = PdfDocument.Open(f.Path);
                return pdf.NumberOfPages;
            });
            var cs = new List<double>();
            var poppler = new List<double>();
            for (var rep = 0; rep < reps; rep++)
            {
                var clock = Stopwatch.StartNew();
                Read(pdfs);
                cs.Add(clock.Elapsed.TotalSeconds);
                try
                {
                    clock.Restart();
                    foreach (var f in pdfs)
                    {
                        PdfToText(f.Path);
                    }
                    poppler.Add(clock.Elapsed.TotalSeconds);
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    // pdftotext is not installed.
                }
            }
            var csPagesPerSecond = pages / Median(cs);
            Console.WriteLine();
            Console.WriteLine($"PDF: {pdfs.Count} files, {pages} pages: reader {F(csPagesPerSecond, 1)} pages/s" + (poppler.Count == reps
                ? $", pdftotext {F(pages / Median(poppler), 1)} pages/s, reader ÷ pdftotext {F(csPagesPerSecond / (pages / Median(poppler)), 2)}"
                : "; pdftotext is not installed (apt-get install poppler-utils): no ratio"));
        }
        return 0;
    }

    private static double Time(SourceFile file)
    {
        var clock = Stopwatch.StartNew();
        CorpusReader.ReadDocument(file, catalog: null);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Reads every file; returns how many the reader refused or skipped.</summary>
    private static int Read(IEnumerable<SourceFile> files) =>
        files.Count(f => !CorpusReader.ReadDocument(f, catalog: null).IsSuccess);

    private static void PdfToText(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
    }
}

using System.Diagnostics;
using UglyToad.PdfPig;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;
using static XiqingSearch.Benchmarks.Peer.BenchmarkHost;

namespace XiqingSearch.Benchmarks.Indexing;

/// <summary>
/// PDF text extraction, pages/s and MB/s: the PDF reader (PdfPig, lines, page furniture removed) beside poppler's
/// <c>pdftotext</c> (Debian's poppler-utils) on the same files, the committed fixtures printed by LibreOffice and
/// Chromium. pdftotext runs as a process per file, as a user would run it, so its time includes process start.
/// It checks it did the work: every run of either extracts text from every page.
/// </summary>
internal static class PdfExtractionBenchmark
{
    public static int Run(string[] args)
    {
        var reps = IntOption(args, "--reps", 5);
        var folder = Path.Combine(RepositoryRoot(), "tests", "Fixtures", "Documents");
        var files = Directory.GetFiles(folder, "*.pdf").Where(f => !Path.GetFileName(f).StartsWith("bad-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var pages = files.Sum(f =>
        {
            using var pdf = PdfDocument.Open(f);
            return pdf.NumberOfPages;
        });
        var bytes = files.Sum(f => new FileInfo(f).Length);

        Extract(files); // JIT, fonts
        var cs = new List<double>();
        var poppler = new List<double>();
        var hasPoppler = true;
        for (var rep = 0; rep < reps; rep++)
        {
            var clock = Stopwatch.StartNew();
            var lines = Extract(files);
            cs.Add(clock.Elapsed.TotalSeconds);
            if (lines < pages)
            {
                throw new InvalidOperationException($"C# extracted {lines} lines from {pages} pages");
            }
            try
            {
                clock.Restart();
                foreach (var file in files)
                {
                    var text = PdfToText(file);
                    if (!text.Contains('\f', StringComparison.Ordinal) || text.Length < 1000)
                    {
                        throw new InvalidOperationException($"pdftotext extracted {text.Length} characters from {file}");
                    }
                }
                poppler.Add(clock.Elapsed.TotalSeconds);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                hasPoppler = false;
            }
        }
        var csSeconds = Median(cs);
        Console.WriteLine();
        Console.WriteLine($"PDF extraction: {files.Count} files, {pages} pages, {N(bytes)} bytes; median of {reps} runs");
        Console.WriteLine("| extractor | pages/s | MB/s | pages/s C# ÷ pdftotext |");
        Console.WriteLine("|---|---|---|---|");
        if (hasPoppler)
        {
            var popplerSeconds = Median(poppler);
            Console.WriteLine($"| C# (PdfPig + lines + page furniture) | {F(pages / csSeconds, 1)} | {F(bytes / 1e6 / csSeconds, 2)} | {F(popplerSeconds / csSeconds, 2)} |");
            Console.WriteLine($"| pdftotext (a process per file) | {F(pages / popplerSeconds, 1)} | {F(bytes / 1e6 / popplerSeconds, 2)} | 1 |");
        }
        else
        {
            Console.WriteLine($"| C# (PdfPig + lines + page furniture) | {F(pages / csSeconds, 1)} | {F(bytes / 1e6 / csSeconds, 2)} | – |");
            Console.WriteLine("pdftotext is not installed (apt-get install poppler-utils): no ratio.");
        }
        return 0;
    }

    private static int Extract(List<string> files) =>
        files.Sum(f => DocumentReaders.Read(f, File.ReadAllBytes(f), IngestLimits.Default).Lines.Count);

    private static string PdfToText(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

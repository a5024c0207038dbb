using System.Text.Json;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// The scanned fixtures through the real command, OCR off: the image-only documents are skipped and named with the
/// way to turn OCR on (exit 0); the scanner PDF's invisible text layer is indexed as recognised text, labelled as
/// such in the text output, the JSON and the CSV, and left out by <c>--exclude-ocr</c>.
/// </summary>
public sealed class OcrCommandTests : IDisposable
{
    /// <summary>A phrase of the invisible text layer only (print page 7).</summary>
    private const string Phrase = "信访积案依法化解";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-cli-ocr-" + Guid.NewGuid().ToString("N")[..12]);

    public OcrCommandTests()
    {
        var seeds = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TempCorpus.RepositoryRoot, "tests", "Fixtures", "Scans")))
        {
            if (Path.GetExtension(file) is ".pdf" or ".png")
            {
                File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
            }
        }
    }

    [Fact]
    public void Index_ScannedFolderWithOcrOff_SkipsAndNamesImageOnlyDocumentsAndExitsZero()
    {
        var index = CliRunner.Run(_root, ["index"]);

        Assert.True(index.ExitCode == 0, index.ToString());
        var output = index.Stdout + index.Stderr;
        foreach (var name in new[] { "scan-clean.pdf", "scan-noisy.pdf", "scan-page.png" })
        {
            Assert.Contains(output.Split('\n'), l => l.Contains(name, StringComparison.Ordinal) && l.Contains("[ingest.no-text-layer]", StringComparison.Ordinal));
        }
        Assert.Contains("--ocr", output, StringComparison.Ordinal);

        var text = CliRunner.Run(_root, ["search", Phrase]);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains(OcrLabel.Recognised, text.Stdout, StringComparison.Ordinal);
        Assert.Contains("scan-invisible#", text.Stdout, StringComparison.Ordinal);

        var json = CliRunner.Run(_root, ["search", Phrase, "--format", "json"]);
        var hit = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("hits")[0];
        Assert.True(hit.GetProperty("ocr").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("ocrConfidence").ValueKind);

        var csv = CliRunner.Run(_root, ["search", Phrase, "--format", "csv"]);
        var lines = csv.Stdout.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",ocr,ocr_confidence,approximate", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",true,,false", lines[1], StringComparison.Ordinal);

        var excluded = CliRunner.Run(_root, ["search", Phrase, "--exclude-ocr"]);
        Assert.True(excluded.ExitCode == 1, excluded.ToString());
        var inQuery = CliRunner.Run(_root, ["search", Phrase + " ocr:false"]);
        Assert.True(inQuery.ExitCode == 1, inQuery.ToString());
    }

    [OcrFact]
    public void Index_MultiPageScanWithOcrOn_ShowsEachOcrPageAndCountsThemThenTheRebuildTakesThemFromTheCache()
    {
        // A folder of its own holding one two-page scan: the fewest pages that show progress moving page by page.
        var folder = Path.Combine(_root, "ocr-on");
        Directory.CreateDirectory(Path.Combine(folder, "seeds"));
        File.Copy(Path.Combine(_root, "seeds", "scan-clean.pdf"), Path.Combine(folder, "seeds", "scan-clean.pdf"));

        var first = CliRunner.Run(folder, ["index", "--ocr"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        // Standard error is not a terminal here, so every report is a line of its own.
        Assert.Contains("OCR page 1/2 of scan-clean.pdf", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("OCR page 2/2 of scan-clean.pdf", first.Stderr, StringComparison.Ordinal);
        Assert.True(first.Stderr.IndexOf("OCR page 1/2", StringComparison.Ordinal)
            < first.Stderr.IndexOf("OCR page 2/2", StringComparison.Ordinal), first.Stderr);
        Assert.Contains("OCR pages: 2 recognised, 0 from the cache, 0 skipped", first.Stdout, StringComparison.Ordinal);

        var again = CliRunner.Run(folder, ["index", "--ocr", "--force"]);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("OCR page 2/2 (cached) of scan-clean.pdf", again.Stderr, StringComparison.Ordinal);
        Assert.Contains("OCR pages: 0 recognised, 2 from the cache, 0 skipped", again.Stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

using System.Text.RegularExpressions;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// A folder with a text seed, the same plan printed to PDF, and a scanned PDF: the build names and skips the scan,
/// and every view of a PDF hit shows its page.
/// </summary>
public sealed partial class DocumentCommandsTests : IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly CliRun _index;

    public DocumentCommandsTests()
    {
        foreach (var file in Directory.GetFiles(_corpus.Seeds).Where(f => !Path.GetFileName(f).StartsWith("000_", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }
        // The PDF is the seed printed: one line more keeps the text its own document, not a copy of the PDF's.
        File.AppendAllText(Directory.GetFiles(_corpus.Seeds).Single(), "\n（文本版）\n");
        var fixtures = Path.Combine(TempCorpus.RepositoryRoot, "tests", "Fixtures", "Documents");
        File.Copy(Path.Combine(fixtures, "000_313d8db390bab93c.libreoffice.pdf"), Path.Combine(_corpus.Seeds, "printed.pdf"));
        File.Copy(Path.Combine(fixtures, "bad-scanned.pdf"), Path.Combine(_corpus.Seeds, "scanned.pdf"));
        _index = _corpus.Run("index");
    }

    [Fact]
    public void Index_AndStats_NameTheSkippedScan()
    {
        Assert.True(_index.ExitCode == 0, _index.ToString());
        Assert.Contains("scanned.pdf, page 1: no text layer: needs OCR", _index.Stdout, StringComparison.Ordinal);
        Assert.Contains("[ingest.no-text-layer]", _index.Stdout, StringComparison.Ordinal);
        var stats = _corpus.Run("stats");
        Assert.Contains("scanned.pdf, page 1: no text layer: needs OCR", stats.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TextKwicCsvAndShow_PrintThePageOfPdfHits()
    {
        var kwic = _corpus.Run("search", "天开西青园", "--format", "kwic");
        Assert.True(kwic.ExitCode == 0, kwic.ToString());
        var pdfLines = kwic.StdoutLines.Where(l => l.Contains("printed", StringComparison.Ordinal)).ToList();
        var textLines = kwic.StdoutLines.Where(l => l.Contains("000_", StringComparison.Ordinal)).ToList();
        Assert.Equal(textLines.Count, pdfLines.Count);
        Assert.All(pdfLines, l => Assert.Matches(PageLabel(), l));
        Assert.All(textLines, l => Assert.DoesNotMatch(PageLabel(), l));

        var text = _corpus.Run("search", "天开西青园", "--all");
        Assert.Matches(@"printed#\d+\s+pp?\. \d+", text.Stdout);

        var csv = _corpus.Run("search", "天开西青园", "--format", "csv");
        var header = csv.StdoutLines[0].TrimStart('\uFEFF').Split(',');
        var firstPage = Array.IndexOf(header, "first_page");
        Assert.Equal(firstPage + 1, Array.IndexOf(header, "last_page"));
        var rows = csv.StdoutLines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows.Where(r => r[0] == "printed"), r => Assert.True(int.Parse(r[^(header.Length - firstPage)], System.Globalization.CultureInfo.InvariantCulture) > 0));
        Assert.All(rows.Where(r => r[0] != "printed"), r => Assert.Equal(string.Empty, r[^(header.Length - firstPage)]));

        var id = Regex.Match(text.Stdout, @"printed#\d+").Value;
        var show = _corpus.Run("show", id);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Matches(@"printed\.pdf, lines \d+–\d+, pp?\. \d+", show.Stdout);
    }

    public void Dispose() => _corpus.Dispose();

    [GeneratedRegex(@"\bpp?\. \d+(–\d+)?\s*$")]
    private static partial Regex PageLabel();
}

using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using XiqingSearch.Core.Export;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Search;

namespace XiqingSearch.Core.Tests.Export;

/// <summary>The Word export: the hit list and the compare table as .docx, read back by the OpenXML SDK and by LibreOffice.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class WordExportTests(SeedIndexFixture index)
{
    private const string Park = "天开西青园";

    private (SearchRequest Request, SearchResponse Response) Search(string query, Func<SearchRequest, SearchRequest>? configure = null)
    {
        var request = new SearchRequest { Query = query, All = true };
        request = configure is null ? request : configure(request);
        return (request, index.Engine.Search(request).ValueOrThrow());
    }

    private static byte[] Hits(SearchRequest request, SearchResponse response)
    {
        using var output = new MemoryStream();
        WordExport.WriteHits(request, response, output);
        return output.ToArray();
    }

    private static List<Paragraph> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => (Paragraph)p.CloneNode(true))];
    }

    [Theory]
    [InlineData(Park)]
    [InlineData("高质量发展")]
    [InlineData("乡村振兴 OR 碳达峰")]
    public void WriteHits_EveryOccurrence_HighlightedAndNothingElse(string query)
    {
        var (request, response) = Search(query);

        var runs = Paragraphs(Hits(request, response)).SelectMany(p => p.Elements<Run>()).ToList();

        var highlighted = runs.Where(r => r.RunProperties?.Highlight is not null).ToList();
        Assert.Equal(response.TotalOccurrences, highlighted.Count);
        var expected = response.Hits.SelectMany(h => h.Highlights.Select(s => h.Text[s.Start..s.End])).ToList();
        Assert.Equal(expected, highlighted.Select(r => r.InnerText));
        Assert.All(highlighted, r => Assert.Equal(WordExport.Highlight, r.RunProperties!.Highlight!.Val!.Value));
    }

    [Fact]
    public void WriteHits_EachHit_TitleWhereAndWholeText()
    {
        var (request, response) = Search(Park);

        var texts = Paragraphs(Hits(request, response)).Select(p => p.InnerText).ToList();

        foreach (var hit in response.Hits)
        {
            var at = texts.IndexOf(hit.Text);
            Assert.True(at >= 2, hit.Id);
            Assert.Equal(hit.Title, texts[at - 2]);
            Assert.Contains(hit.Year + "年", texts[at - 1], StringComparison.Ordinal);
            Assert.Contains(string.Join(" > ", hit.Chapter), texts[at - 1], StringComparison.Ordinal);
            Assert.Contains($"第 {hit.Paragraph} 段", texts[at - 1], StringComparison.Ordinal);
            Assert.Contains(hit.FirstPage is null ? "无页码" : $"第 {hit.FirstPage}", texts[at - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WriteHits_QueryAndFilters_StatedAtTheTop()
    {
        var (request, response) = Search(Park, r => r with { Years = [new YearRange(2024, 2024)], Topics = ["科技创新"] });

        var texts = Paragraphs(Hits(request, response)).Select(p => p.InnerText).Take(4).ToList();

        Assert.Contains("查询：" + Park, texts);
        Assert.Contains("筛选：年份 2024；主题 科技创新", texts);
        Assert.Contains(texts, t => t.Contains($"共 {response.TotalHits} 段，{response.TotalOccurrences} 处", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteHits_OpensInLibreOffice_PdfHasTitlesAndPhrases()
    {
        var (request, response) = Search(Park);

        var text = PdfText(Hits(request, response), "hits");

        Assert.Contains(Park, text, StringComparison.Ordinal);
        foreach (var title in response.Hits.Select(h => h.Title).Distinct())
        {
            Assert.Contains(Squash(title), text, StringComparison.Ordinal);
        }
        Assert.Contains(Squash(response.Hits[0].Text[..30]), text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteCompare_OpensInLibreOffice_TableHasEveryCell()
    {
        var result = index.Engine.Compare(new CompareRequest { Phrases = [Park, "高质量发展"] }).ValueOrThrow();
        using var output = new MemoryStream();
        WordExport.WriteCompare(result, output);
        var docx = output.ToArray();

        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var rows = document.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().ToList();
            Assert.Equal(result.Rows.Count + 1, rows.Count);
            Assert.Equal(["短语", .. result.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), "合计"],
                rows[0].Elements<TableCell>().Select(c => c.InnerText));
            for (var i = 0; i < result.Rows.Count; i++)
            {
                var cells = rows[i + 1].Elements<TableCell>().Select(c => c.InnerText).ToList();
                Assert.Equal(result.Rows[i].Phrase, cells[0]);
                Assert.Equal(result.Rows[i].Cells.Select(c => c.Occurrences + "（"), cells[1..^1].Select(c => c[..(c.IndexOf('（') + 1)]));
                Assert.Equal(result.Rows[i].Total.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[^1]);
            }
        }
        var text = PdfText(docx, "compare");
        Assert.Contains(Park, text, StringComparison.Ordinal);
        Assert.Contains("高质量发展", text, StringComparison.Ordinal);
        Assert.Contains("合计", text, StringComparison.Ordinal);
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Converts <paramref name="docx"/> to PDF with LibreOffice and returns pdftotext's text, whitespace removed.</summary>
    private static string PdfText(byte[] docx, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "xiqing-docx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, name + ".docx");
            File.WriteAllBytes(input, docx);
            // A profile of its own, so a LibreOffice already running (or another test) does not take the conversion.
            Run("soffice", "-env:UserInstallation=file://" + Path.Combine(folder, "profile"), "--headless", "--convert-to", "pdf",
                "--outdir", folder, input);
            var pdf = Path.Combine(folder, name + ".pdf");
            Assert.True(File.Exists(pdf), "LibreOffice made no PDF");
            return Squash(Run("pdftotext", "-enc", "UTF-8", pdf, "-"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), program + " did not finish");
        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}: {error.Result}");
        return output;
    }
}

using System.Diagnostics;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary><c>--format docx</c> of <c>xiqing search</c> and <c>xiqing compare</c>: a Word file, never bytes on a terminal.</summary>
public sealed class WordExportCommandTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    private const string Park = "天开西青园";

    private static List<Run> HighlightedRuns(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<Run>()
            .Where(r => r.RunProperties?.Highlight is not null).Select(r => (Run)r.CloneNode(true))];
    }

    [Fact]
    public void SearchDocx_Output_EveryHitWhateverThePage()
    {
        var json = JsonDocument.Parse(fixture.Corpus.Run(["search", Park, "--format", "json"]).Stdout).RootElement;
        var file = Path.Combine(fixture.Corpus.Root, "hits.docx");

        var run = fixture.Corpus.Run(["search", Park, "--format", "docx", "--limit", "1", "--output", file]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.StdoutBytes);
        var runs = HighlightedRuns(File.ReadAllBytes(file));
        Assert.Equal(json.GetProperty("totalOccurrences").GetInt32(), runs.Count);
        Assert.All(runs, r => Assert.Equal(Park, r.InnerText));
        Assert.Empty(Directory.GetFiles(fixture.Corpus.Root, "*.tmp"));
    }

    [Fact]
    public void SearchDocx_RedirectedStdout_WritesTheDocument()
    {
        var run = fixture.Corpus.Run(["search", Park, "--format", "docx"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("PK"u8.ToArray(), run.StdoutBytes[..2]);
        Assert.NotEmpty(HighlightedRuns(run.StdoutBytes));
    }

    [Fact]
    public void CompareDocx_RedirectedStdout_TableWithARowPerPhrase()
    {
        var run = fixture.Corpus.Run(["compare", Park, "高质量发展", "--format", "docx"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = WordprocessingDocument.Open(new MemoryStream(run.StdoutBytes), false);
        var firsts = document.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().First().InnerText);
        Assert.Equal(["短语", Park, "高质量发展"], firsts);
    }

    [Theory]
    [InlineData("search")]
    [InlineData("compare")]
    public async Task Docx_TerminalWithoutOutput_RefusedAndNothingWritten(string command)
    {
        // A real terminal: script(1) gives the process a pty as standard output.
        var start = new ProcessStartInfo("script")
        {
            WorkingDirectory = fixture.Corpus.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-qec", $"dotnet '{CliRunner.XiqingDll}' {command} {Park} --format docx", "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--output", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PK\u0003\u0004", output, StringComparison.Ordinal);
    }
}

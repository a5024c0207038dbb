using System.Text.Json;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Tests.Rendering;

/// <summary>
/// Defects 7 and 8 of the second round of daily use, on a real pseudo-terminal at 80 and 120 columns: every view
/// fits the width (or folds by design), words and Chinese punctuation are never broken wrongly, and output
/// without colour still marks the match.
/// </summary>
public sealed class TerminalRoundTwoTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    private const string ClosingPunctuation = "。，、；：？！」』）》〉】”";

    // Defect 7: kwic lines were 134–138 columns whatever the width.
    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Kwic_OnTerminal_OneLinePerOccurrenceEveryMatchInOneColumn(int columns)
    {
        var json = fixture.Corpus.Run("search", "高质量发展", "--all", "--format", "json");
        var response = JsonSerializer.Deserialize<SearchResponse>(json.Stdout, XiqingJson.Options)!;

        var (lines, _) = PseudoTerminal.Run(fixture.Corpus.Root, columns, "search", "高质量发展", "--format", "kwic");

        var rows = lines.Where(l => l.Length > 0).ToList();
        Assert.Equal(response.TotalOccurrences, rows.Count);
        Assert.All(rows, l => Assert.True(DisplayWidth.Of(l) <= columns, $"wider than {columns}: {l}"));
        // The column where the match starts is the same on every line.
        var starts = rows.Select(l => DisplayWidth.Of(l[..l.IndexOf(" 高质量发展 ", StringComparison.Ordinal)])).Distinct().ToList();
        Assert.Single(starts);
    }

    // Defect 7: the compare table (~104 columns) wrapped at 80.
    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Compare_OnTerminal_TableFitsTheWidth(int columns)
    {
        string[] phrases = ["天开西青园", "京津冀协同发展", "高质量发展", "乡村振兴", "碳达峰", "营商环境"];
        var (lines, _) = PseudoTerminal.Run(fixture.Corpus.Root, columns, ["compare", .. phrases]);

        Assert.All(lines, l => Assert.True(DisplayWidth.Of(l) <= columns, $"wider than {columns}: {l}"));
        // Every phrase keeps its row (in each block when the table folds) and every year its header.
        Assert.All(phrases, p => Assert.Contains(lines, l => l.StartsWith(p, StringComparison.Ordinal)));
        foreach (var year in new[] { "2021", "2023", "2024", "2025" })
        {
            Assert.Contains(lines, l => l.StartsWith("phrase", StringComparison.Ordinal) && l.Contains(year, StringComparison.Ordinal));
        }
        Assert.Contains(lines, l => l.StartsWith("phrase", StringComparison.Ordinal) && l.Contains("total", StringComparison.Ordinal));
    }

    // Defect 7: the new-terms list wrapped at 80.
    [Fact]
    public void NewTerms_OnTerminalAt80_ListFitsTheWidth()
    {
        var (lines, _) = PseudoTerminal.Run(fixture.Corpus.Root, 80, "new-terms", "--year", "2025", "--limit", "30");

        Assert.Contains(lines, l => l.StartsWith("New in 2025", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(DisplayWidth.Of(l) <= 80, $"wider than 80: {l}"));
    }

    // Defect 7: index printed its progress bar's "100%" one character a line at 80 columns.
    [Fact]
    public void Index_OnTerminalAt80_ProgressBarRowStaysOnOneLine()
    {
        var (lines, _) = PseudoTerminal.Run(fixture.Corpus.Root, 80, "index", "--force", "--index", "index-progress");

        Assert.Contains(lines, l => l.Contains("100%", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Trim() is "1" or "0" or "%" or "10" or "00%");
        // The live display clears with spaces; what shows is the text before them.
        Assert.All(lines, l => Assert.True(DisplayWidth.Of(l.TrimEnd()) <= 80, $"wider than 80: {l}"));
        // The summary table folds by design: its words stay whole.
        Assert.Contains(lines, l => l.Contains("paragraphs", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("2021–2025", StringComparison.Ordinal));
    }

    // Defect 7: table cells split words ("five-year-p/lan") at 80 columns.
    [Fact]
    public void Stats_OnTerminalAt80_TableFitsAndCellsKeepTheirWords()
    {
        var (lines, _) = PseudoTerminal.Run(fixture.Corpus.Root, 80, "stats");

        Assert.All(lines, l => Assert.True(DisplayWidth.Of(l.TrimEnd()) <= 80, $"wider than 80: {l}"));
        Assert.Contains(lines, l => l.Contains("five-year-plan", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("000_313d8db390bab93c", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("paragraphs", StringComparison.Ordinal));
    }

    // Defect 7: errors broke mid-word at the terminal's edge.
    [Fact]
    public void Error_OnTerminalAt50_WrapsAtWordBoundaries()
    {
        var redirected = fixture.Corpus.Run("search", "天开西青园", "--limit", "500");
        var message = redirected.Stderr.Split('\n')[0];
        var (lines, _) = PseudoTerminal.Run(fixture.Corpus.Root, 50, "search", "天开西青园", "--limit", "500");

        var error = lines.SkipWhile(l => !l.StartsWith("xiqing:", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0).ToList();
        Assert.True(error.Count >= 2, string.Join('\n', lines));
        Assert.True(DisplayWidth.Of(message) > 50, message);
        Assert.All(error, l => Assert.True(DisplayWidth.Of(l) <= 50, l));
        // Broken only where a space was: the lines, joined by one space again, are the message.
        Assert.Equal(message, string.Join(' ', error.Select(l => l.Trim())));
    }

    // Defect 7: wrapped Chinese lines started with 。 or ，.
    [Theory]
    [InlineData(80)]
    [InlineData(81)]
    [InlineData(120)]
    [InlineData(121)]
    public void Search_OnTerminal_NoWrappedLineStartsWithClosingPunctuation(int columns)
    {
        var (lines, _) = PseudoTerminal.Run(fixture.Corpus.Root, columns, "search", "高质量发展", "--limit", "20");

        var bodies = lines.Where(l => l.StartsWith("   ", StringComparison.Ordinal)).Select(l => l.TrimStart()).Where(l => l.Length > 0).ToList();
        Assert.True(bodies.Count > 20, string.Join('\n', lines));
        Assert.All(bodies, l => Assert.DoesNotContain(l[0], ClosingPunctuation));
    }

    [Fact]
    public void LineWrapper_BreakBeforeClosingPunctuation_MovesThePrecedingCharacterAlong()
    {
        var lines = LineWrapper.Wrap([new LineWrapper.Piece("一二三四五六七八九。十「一」", null)], 18, 0)
            .Select(l => string.Concat(l.Select(p => p.Text))).ToList();

        Assert.Equal(["一二三四五六七八", "九。十「一」"], lines);
        var opening = LineWrapper.Wrap([new LineWrapper.Piece("一二三四五六七八「九」", null)], 18, 0)
            .Select(l => string.Concat(l.Select(p => p.Text))).ToList();
        Assert.Equal(["一二三四五六七八", "「九」"], opening);
    }

    // Defect 8: with NO_COLOR on a terminal the match was unmarked and the hanging indent gone.
    [Fact]
    public void Search_NoColorOnTerminal_MarksTheMatchAndKeepsTheHangingIndent()
    {
        var (lines, raw) = PseudoTerminal.Run(fixture.Corpus.Root, 80, new Dictionary<string, string> { ["NO_COLOR"] = "1" },
            "search", "天开西青园", "--limit", "2");

        Assert.DoesNotContain("\u001b[3", raw); // no colour
        Assert.Contains(lines, l => l.Contains("[[天开西青园]]", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(DisplayWidth.Of(l) <= 80, $"wider than 80: {l}"));
        var header = Array.FindIndex(lines, l => l.Contains("000_313d8db390bab93c#50", StringComparison.Ordinal));
        Assert.True(header >= 0, string.Join('\n', lines));
        var body = lines.Skip(header + 1).TakeWhile(l => l.Length > 0).ToList();
        Assert.True(body.Count >= 2, string.Join('\n', lines));
        Assert.All(body, l => Assert.StartsWith("   ", l));
    }

    // Defect 8: piped, or with --output, search marked nothing.
    [Fact]
    public void Search_PipedOrToAFile_MarksTheMatchAsShowDoes()
    {
        var piped = fixture.Corpus.Run("search", "天开西青园", "--limit", "2");
        var file = Path.Combine(fixture.Corpus.Root, "plain-marks.txt");
        var toFile = fixture.Corpus.Run("search", "天开西青园", "--limit", "2", "--output", file);

        Assert.Equal(0, toFile.ExitCode);
        foreach (var text in new[] { piped.Stdout, File.ReadAllText(file) })
        {
            var bodies = text.Split('\n').Where(l => l.StartsWith("   ", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, bodies.Count);
            Assert.All(bodies, l => Assert.Contains("[[天开西青园]]", l, StringComparison.Ordinal));
        }
        var kwic = fixture.Corpus.Run("search", "天开西青园", "--format", "kwic");
        Assert.All(kwic.StdoutLines, l => Assert.Contains("[[天开西青园]]", l, StringComparison.Ordinal));
    }
}

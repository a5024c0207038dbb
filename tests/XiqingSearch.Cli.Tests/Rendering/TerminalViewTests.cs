using System.Text.Json;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Export;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Tests.Rendering;

/// <summary>The default text view on a real pseudo-terminal: lines fill the width, continuations keep the indent.</summary>
public sealed class TerminalViewTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    [Theory]
    [InlineData(80)]
    [InlineData(123)]
    public void Search_OnTerminal_WrapsAtWidthWithIndentNotAtHighlights(int columns)
    {
        Assert.True(PseudoTerminal.IsAvailable, "util-linux script is needed for the terminal tests");
        var json = fixture.Corpus.Run("search", "天开西青园", "--limit", "2", "--format", "json");
        var response = JsonSerializer.Deserialize<SearchResponse>(json.Stdout, XiqingJson.Options)!;

        var (lines, raw) = PseudoTerminal.Run(fixture.Corpus.Root, columns, "search", "天开西青园", "--limit", "2");

        Assert.Contains("\u001b[", raw); // a terminal gets colour
        Assert.All(lines, line => Assert.True(DisplayWidth.Of(line) <= columns, $"wider than {columns}: {line}"));
        foreach (var hit in response.Hits)
        {
            var shown = hit.Text.Length > TextRenderer.LongParagraphChars ? hit.Snippet : hit.Text;
            // The hit's text starts on the line after its header and runs to the blank line.
            var header = Array.FindIndex(lines, l => l.Contains(hit.Id, StringComparison.Ordinal));
            Assert.True(header >= 0, string.Join('\n', lines));
            var body = lines.Skip(header + 1).TakeWhile(l => l.Length > 0).ToList();
            Assert.True(body.Count >= 2, "a long paragraph takes several lines");
            Assert.All(body, l => Assert.StartsWith("   ", l));
            Assert.Equal(TextWindow.Flatten(shown), string.Concat(body.Select(l => l[3..])));
            // Every line but the last is full (a wide character may leave one column free, and the line-breaking
            // rules move a character with the closing punctuation after it, or an opening one with what follows):
            // no break after a highlight.
            Assert.All(body.SkipLast(1), l => Assert.True(DisplayWidth.Of(l) >= columns - 5, $"short line: {l}"));
        }
    }

    [Fact]
    public void Show_OnTerminal_ContinuationLinesAreIndentedUnderTheText()
    {
        var (lines, _) = PseudoTerminal.Run(fixture.Corpus.Root, 60, "show", "000_313d8db390bab93c#50", "--context", "0");

        var first = Array.FindIndex(lines, l => l.StartsWith("> #50 ", StringComparison.Ordinal));
        Assert.True(first >= 0, string.Join('\n', lines));
        var continuation = lines.Skip(first + 1).TakeWhile(l => l.Length > 0).ToList();
        Assert.NotEmpty(continuation);
        Assert.All(continuation, l => Assert.StartsWith("      ", l));
        Assert.All(lines, line => Assert.True(DisplayWidth.Of(line) <= 60, line));
    }

    [Fact]
    public void Search_Redirected_KeepsEachParagraphOnOneLine()
    {
        var run = fixture.Corpus.Run("search", "天开西青园", "--limit", "2");

        var body = run.StdoutLines.Where(l => l.StartsWith("   ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, body.Count);
        Assert.DoesNotContain("\u001b[", run.Stdout);
    }
}

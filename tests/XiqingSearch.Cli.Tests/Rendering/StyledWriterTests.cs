using XiqingSearch.Cli.Rendering;

namespace XiqingSearch.Cli.Tests.Rendering;

/// <summary>Document text reaches the terminal only through <see cref="StyledWriter"/>, which must keep it inert.</summary>
public sealed class StyledWriterTests
{
    [Fact]
    public void Append_ReplacesControlCharactersButKeepsTabsAndText()
    {
        var output = new StringWriter();
        StyledWriter.Plain(output).Append("a\u001b[31mb\t西青", "bold").Append("\u0007\u009b2J").EndLine();

        Assert.Equal("a\uFFFD[31mb\t西青\uFFFD\uFFFD2J\n", output.ToString());
    }

    [Fact]
    public void Append_OnAColourConsole_NeverEmitsTheDocumentsEscape()
    {
        var output = new StringWriter();
        var console = OutputStyle.CreateConsole(output, colored: true);
        Assert.NotNull(console);
        var text = StyledWriter.Neutralise("x\u001b]0;title\u0007y");

        Assert.Equal("x\uFFFD]0;title\uFFFDy", text);
        Assert.DoesNotContain('\u001b', text);
    }
}

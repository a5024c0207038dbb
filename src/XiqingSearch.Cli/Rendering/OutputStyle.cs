using Spectre.Console;

namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// Whether output gets colour: only on a terminal and only when <c>NO_COLOR</c> is unset (https://no-color.org).
/// Plain output is written straight to the writer, never through Spectre, so it is never wrapped or padded.
/// </summary>
internal static class OutputStyle
{
    /// <summary>True when standard output should be coloured.</summary>
    public static bool IsStdoutColored => !Console.IsOutputRedirected && !IsNoColorSet;

    /// <summary>True when standard error should be coloured (progress bars).</summary>
    public static bool IsStderrColored => !Console.IsErrorRedirected && !IsNoColorSet;

    private static bool IsNoColorSet => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>
    /// Writes a message line to standard error; on a terminal broken at its width between words (and by the
    /// Chinese line-breaking rules), continuation lines indented by <paramref name="indent"/>, where the terminal
    /// itself would cut words in half.
    /// </summary>
    public static void WriteErrorLine(TextWriter error, string text, int indent = 2)
    {
        if (error != Console.Error || Console.IsErrorRedirected)
        {
            error.WriteLine(text);
            return;
        }
        var width = Math.Max(20, TerminalWidth());
        foreach (var line in LineWrapper.Wrap([new LineWrapper.Piece(text, null)], width, indent))
        {
            error.WriteLine(string.Concat(line.Select(p => p.Text)));
        }
    }

    /// <summary>The terminal's width in columns (80 when it cannot be read).</summary>
    public static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    /// <summary>A Spectre console over <paramref name="writer"/>; ANSI only when <paramref name="colored"/>.</summary>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool colored, int? width = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colored ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colored ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = colored ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!colored)
        {
            // Redirected output has no width; a wide one keeps tables of long Chinese titles on one line each.
            // A terminal without colour (NO_COLOR) keeps its own width.
            console.Profile.Width = width ?? 250;
        }
        return console;
    }
}

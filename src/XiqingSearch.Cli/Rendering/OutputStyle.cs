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

    /// <summary>A Spectre console over <paramref name="writer"/>; ANSI only when <paramref name="colored"/>.</summary>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool colored)
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
            console.Profile.Width = 250;
        }
        return console;
    }
}

using System.Text;
using Spectre.Console;

namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// Writes lines made of styled pieces: as Spectre markup on a colour terminal, as the bare text otherwise.
/// A line is one Spectre renderable, so a terminal wraps it as a whole.
/// </summary>
internal sealed class StyledWriter
{
    private readonly IAnsiConsole? _console;
    private readonly TextWriter _plain;
    private readonly StringBuilder _markup = new();
    private readonly StringBuilder _text = new();

    private StyledWriter(IAnsiConsole? console, TextWriter plain)
    {
        _console = console;
        _plain = plain;
    }

    /// <summary>True when styles reach the output.</summary>
    public bool IsColored => _console is not null;

    /// <summary>Coloured on a terminal without <c>NO_COLOR</c>, plain otherwise.</summary>
    public static StyledWriter ForStdout(TextWriter output) => OutputStyle.IsStdoutColored
        ? new StyledWriter(OutputStyle.CreateConsole(output, colored: true), output)
        : new StyledWriter(null, output);

    /// <summary>Always plain.</summary>
    public static StyledWriter Plain(TextWriter output) => new(null, output);

    /// <summary>Appends <paramref name="text"/> in <paramref name="style"/> (Spectre style text, e.g. <c>bold yellow</c>).</summary>
    public StyledWriter Append(string text, string? style = null)
    {
        _text.Append(text);
        var escaped = Markup.Escape(text);
        _markup.Append(style is null ? escaped : $"[{style}]{escaped}[/]");
        return this;
    }

    /// <summary>Ends the current line.</summary>
    public void EndLine()
    {
        if (_console is null)
        {
            _plain.Write(_text.ToString());
            _plain.Write('\n');
        }
        else
        {
            _console.MarkupLine(_markup.ToString());
        }
        _markup.Clear();
        _text.Clear();
    }

    /// <summary>Writes a whole line.</summary>
    public void Line(string text = "", string? style = null) => Append(text, style).EndLine();

    /// <summary>Renders a Spectre widget (tables); on plain output through a colourless console.</summary>
    public void Write(Spectre.Console.Rendering.IRenderable renderable)
    {
        var console = _console ?? OutputStyle.CreateConsole(_plain, colored: false);
        console.Write(renderable);
    }
}

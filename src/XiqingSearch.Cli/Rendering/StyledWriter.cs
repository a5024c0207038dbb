using Spectre.Console;

namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// Writes lines made of styled pieces: as Spectre markup on a colour terminal, as the bare text otherwise.
/// On a terminal — coloured or not (<c>NO_COLOR</c>) — a line is broken at the terminal's width by
/// <see cref="LineWrapper"/> (Spectre's own wrapping breaks before every styled piece of Chinese text, which has no
/// spaces), continuation lines indented. Redirected output and files have no width: each line stays whole.
/// </summary>
internal sealed class StyledWriter
{
    /// <summary>How a match is marked where there is no colour to show it (as <c>show</c> has always done).</summary>
    public static readonly (string Open, string Close) PlainMatchMarks = ("[[", "]]");

    private readonly IAnsiConsole? _console;
    private readonly TextWriter _plain;
    private readonly List<LineWrapper.Piece> _pieces = [];
    private readonly StringBuilder _text = new();

    private StyledWriter(IAnsiConsole? console, TextWriter plain, int? width)
    {
        _console = console;
        _plain = plain;
        Width = width;
    }

    /// <summary>True when styles reach the output.</summary>
    public bool IsColored => _console is not null;

    /// <summary>The display columns lines are broken at (a terminal's width), or null when lines stay whole.</summary>
    public int? Width { get; }

    /// <summary>Coloured on a terminal without <c>NO_COLOR</c>; plain but still fitted to a terminal with it; plain otherwise.</summary>
    public static StyledWriter ForStdout(TextWriter output)
    {
        if (OutputStyle.IsStdoutColored)
        {
            var console = OutputStyle.CreateConsole(output, colored: true);
            return new StyledWriter(console, output, Math.Max(20, console.Profile.Width));
        }
        return new StyledWriter(null, output, Console.IsOutputRedirected ? null : OutputStyle.TerminalWidth());
    }

    /// <summary>Always plain, never wrapped (files).</summary>
    public static StyledWriter Plain(TextWriter output) => new(null, output, null);

    /// <summary>Plain, wrapped at <paramref name="width"/> columns (tests of the wrapping without a terminal).</summary>
    internal static StyledWriter PlainWithWidth(TextWriter output, int width) => new(null, output, Math.Max(20, width));

    /// <summary>
    /// Appends <paramref name="text"/> in <paramref name="style"/> (Spectre style text, e.g. <c>bold yellow</c>).
    /// Control characters (other than tab) become U+FFFD, so document text can never move the cursor, change
    /// colours or retitle the terminal.
    /// </summary>
    public StyledWriter Append(string text, string? style = null)
    {
        text = Neutralise(text);
        _text.Append(text);
        if (Width is not null)
        {
            _pieces.Add(new LineWrapper.Piece(text, style));
        }
        return this;
    }

    /// <summary>
    /// Ends the current line. On a terminal, a line wider than the terminal continues on lines indented by
    /// <paramref name="continuationIndent"/> columns; plain output is never wrapped.
    /// </summary>
    public void EndLine(int continuationIndent = 0)
    {
        if (Width is not { } width)
        {
            _plain.Write(_text.ToString());
            _plain.Write('\n');
        }
        else
        {
            foreach (var line in LineWrapper.Wrap(_pieces, width, continuationIndent))
            {
                if (_console is null)
                {
                    _plain.Write(string.Concat(line.Select(p => p.Text)));
                    _plain.Write('\n');
                    continue;
                }
                var markup = new StringBuilder();
                foreach (var piece in line)
                {
                    var escaped = Markup.Escape(piece.Text);
                    markup.Append(piece.Style is null ? escaped : $"[{piece.Style}]{escaped}[/]");
                }
                _console.MarkupLine(markup.ToString());
            }
        }
        _pieces.Clear();
        _text.Clear();
    }

    /// <summary><paramref name="text"/> with every control character but tab replaced by U+FFFD.</summary>
    internal static string Neutralise(string text)
    {
        if (!text.Any(IsUnsafe))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(IsUnsafe(c) ? '\uFFFD' : c);
        }
        return builder.ToString();
    }

    private static bool IsUnsafe(char c) => char.IsControl(c) && c != '\t';

    /// <summary>Writes a whole line.</summary>
    public void Line(string text = "", string? style = null) => Append(text, style).EndLine();

    /// <summary>Renders a Spectre widget (tables); on plain output through a colourless console.</summary>
    public void Write(Spectre.Console.Rendering.IRenderable renderable)
    {
        var console = _console ?? OutputStyle.CreateConsole(_plain, colored: false, Width);
        console.Write(renderable);
    }
}

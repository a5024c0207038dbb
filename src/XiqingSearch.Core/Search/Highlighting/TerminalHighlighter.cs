using System.Text;
using XiqingSearch.Core.Results;

namespace XiqingSearch.Core.Search.Highlighting;

/// <summary>
/// Renders highlighted text for terminals: each span between ANSI SGR codes (bold yellow by default), or with
/// no codes at all when colour is off (output redirected, <c>NO_COLOR</c> set).
/// </summary>
public static class TerminalHighlighter
{
    /// <summary>Bold, black on yellow.</summary>
    public const string DefaultStart = "\u001b[1;30;43m";

    /// <summary>Reset all attributes.</summary>
    public const string Reset = "\u001b[0m";

    /// <summary>
    /// <paramref name="spans"/> must be sorted and non-overlapping. Control characters in the text are replaced,
    /// so document text can never move the cursor or change colours.
    /// </summary>
    public static string Render(string text, IReadOnlyList<TextSpan> spans, bool color, string start = DefaultStart)
    {
        var builder = new StringBuilder(text.Length + spans.Count * 16);
        var at = 0;
        foreach (var span in spans)
        {
            AppendSafe(builder, text, at, span.Start);
            if (color)
            {
                builder.Append(start);
            }
            AppendSafe(builder, text, span.Start, span.End);
            if (color)
            {
                builder.Append(Reset);
            }
            at = span.End;
        }
        AppendSafe(builder, text, at, text.Length);
        return builder.ToString();
    }

    private static void AppendSafe(StringBuilder builder, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            builder.Append(char.IsControl(c) && c != '\t' ? '\uFFFD' : c);
        }
    }
}

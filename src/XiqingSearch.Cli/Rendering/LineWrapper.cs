namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// Breaks one logical line of styled pieces into screen lines of at most <c>width</c> display columns, the
/// continuation lines indented. Chinese text has no spaces, so a line may break between any two wide characters,
/// except that closing punctuation (。，」）…) never starts a line and opening punctuation (「（“…) never ends one;
/// a run of Latin letters or digits (<c>2.0</c>, <c>5G</c>) moves to the next line whole when it fits there, and a
/// space at a break is dropped. A style never forces a break: a highlight continues on the next line.
/// </summary>
internal static class LineWrapper
{
    /// <summary>A piece of text and its style (null for none).</summary>
    public readonly record struct Piece(string Text, string? Style);

    /// <summary>The screen lines; the first carries no indent, the others start with <paramref name="indent"/> spaces.</summary>
    public static List<List<Piece>> Wrap(IReadOnlyList<Piece> pieces, int width, int indent)
    {
        indent = Math.Clamp(indent, 0, Math.Max(0, width / 2));
        var units = Units(pieces);
        var lines = new List<List<Piece>>();
        var line = new List<(string Text, string? Style, int Width)>();
        var used = 0;
        var i = 0;
        while (i < units.Count)
        {
            // A word: one wide character, one space, or a run of narrow non-space characters.
            var wordEnd = i + 1;
            if (!units[i].IsWide && !units[i].IsSpace)
            {
                while (wordEnd < units.Count && !units[wordEnd].IsWide && !units[wordEnd].IsSpace)
                {
                    wordEnd++;
                }
            }
            else if (units[i].IsWide)
            {
                // Kinsoku: an opening bracket or quote never ends a line, so it travels with what follows it...
                while (IsOpening(units[wordEnd - 1].Text) && wordEnd < units.Count && !units[wordEnd].IsSpace)
                {
                    wordEnd++;
                }
            }
            // ...and closing punctuation never starts one, so it travels with what precedes it.
            while (!units[i].IsSpace && wordEnd < units.Count && IsClosing(units[wordEnd].Text))
            {
                wordEnd++;
            }
            var wordWidth = 0;
            for (var k = i; k < wordEnd; k++)
            {
                wordWidth += units[k].Width;
            }
            var room = width - used;
            var lineWidth = width - (lines.Count == 0 ? 0 : indent);
            if (wordWidth > room && used > 0 && wordWidth <= lineWidth)
            {
                Flush();
                if (units[i].IsSpace)
                {
                    i++;
                    continue;
                }
                room = width - used;
            }
            for (var k = i; k < wordEnd; k++)
            {
                if (units[k].Width > room && used > (lines.Count == 0 ? 0 : indent))
                {
                    // A word longer than a whole line is cut where the line ends.
                    Flush();
                    room = width - used;
                }
                line.Add((units[k].Text, units[k].Style, units[k].Width));
                used += units[k].Width;
                room -= units[k].Width;
            }
            i = wordEnd;
        }
        if (line.Count > 0 || lines.Count == 0)
        {
            lines.Add(Merge(line));
        }
        return lines;

        void Flush()
        {
            while (line.Count > 0 && line[^1].Text == " ")
            {
                line.RemoveAt(line.Count - 1);
            }
            lines.Add(Merge(line));
            line = [];
            used = 0;
            if (indent > 0)
            {
                line.Add((new string(' ', indent), null, indent));
                used = indent;
            }
        }
    }

    /// <summary>Punctuation that must not start a line (Chinese and Japanese line-breaking rules, 禁则).</summary>
    private const string Closing = "。，、；：？！…‥・—～」』）》〉】〕〗〙〛｝］”’\"'％‰℃°.,;:?!)]}%";

    /// <summary>Punctuation that must not end a line.</summary>
    private const string Opening = "「『（《〈【〔〖〘〚｛［“‘([{";

    private static bool IsClosing(string unit) => unit.Length == 1 && Closing.Contains(unit[0], StringComparison.Ordinal);

    private static bool IsOpening(string unit) => unit.Length == 1 && Opening.Contains(unit[0], StringComparison.Ordinal);

    private readonly record struct Unit(string Text, string? Style, int Width, bool IsWide, bool IsSpace);

    private static List<Unit> Units(IReadOnlyList<Piece> pieces)
    {
        var units = new List<Unit>();
        foreach (var piece in pieces)
        {
            foreach (var rune in piece.Text.EnumerateRunes())
            {
                var w = DisplayWidth.Of(rune);
                units.Add(new Unit(rune.ToString(), piece.Style, w, w == 2, Rune.IsWhiteSpace(rune)));
            }
        }
        return units;
    }

    private static List<Piece> Merge(List<(string Text, string? Style, int Width)> units)
    {
        var merged = new List<Piece>();
        var text = new StringBuilder();
        string? style = null;
        foreach (var unit in units)
        {
            if (text.Length > 0 && unit.Style != style)
            {
                merged.Add(new Piece(text.ToString(), style));
                text.Clear();
            }
            style = unit.Style;
            text.Append(unit.Text);
        }
        if (text.Length > 0)
        {
            merged.Add(new Piece(text.ToString(), style));
        }
        return merged;
    }
}

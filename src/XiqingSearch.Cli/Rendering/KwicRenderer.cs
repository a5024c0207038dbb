using XiqingSearch.Core.Export;

namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// <c>--format kwic</c> (keyword in context): one line per occurrence, <c>year  doc  chapter  left match right</c>,
/// every field cut or padded to a fixed display width so the matches line up in one column on screen.
/// </summary>
internal static class KwicRenderer
{
    /// <summary>Display columns of the chapter field.</summary>
    public const int ChapterColumns = 24;

    /// <summary>Display columns of context each side of the match.</summary>
    public const int ContextColumns = 36;

    /// <summary>The fewest context columns each side that a narrow terminal still gets.</summary>
    public const int MinContextColumns = 8;

    /// <summary>
    /// Writes one line per occurrence. On a terminal every line fits its width (the chapter narrows, then the
    /// context shrinks, never below <see cref="MinContextColumns"/> a side), so each occurrence stays one line and
    /// every match starts in the same column; redirected, the fixed widths above hold.
    /// </summary>
    public static void Write(SearchResponse response, StyledWriter output)
    {
        var occurrences = Occurrence.All(response).ToList();
        var marks = output.IsColored ? ("", "") : StyledWriter.PlainMatchMarks;
        var docColumns = occurrences.Count == 0 ? 0 : occurrences.Max(o => DisplayWidth.Of(o.Hit.Doc));
        var yearColumns = occurrences.Count == 0 ? 0 : occurrences.Max(o => DisplayWidth.Of(YearLabel.Of(o.Hit.Year)));
        var matchColumns = occurrences.Count == 0 ? 0
            : occurrences.Max(o => DisplayWidth.Of(TextWindow.Flatten(o.Match))) + DisplayWidth.Of(marks.Item1 + marks.Item2);
        var pageColumns = occurrences.Count == 0 ? 0
            : occurrences.Max(o => PageLabel.Of(o.Hit.FirstPage, o.Hit.LastPage) is { } p ? 2 + DisplayWidth.Of(p) : 0);
        var (chapterColumns, leftColumns, rightColumns) = Layout(output.Width, yearColumns + 2 + docColumns + 2, matchColumns + 2 + pageColumns);
        foreach (var occurrence in occurrences)
        {
            var hit = occurrence.Hit;
            // The windows are cut by characters first (cheap), then by display columns.
            var left = DisplayWidth.TakeLast(TextWindow.Before(hit.Text, occurrence.Span.Start, leftColumns), leftColumns);
            var right = DisplayWidth.TakeFirst(TextWindow.After(hit.Text, occurrence.Span.End, rightColumns), rightColumns);
            var chapter = hit.Chapter.Count == 0 ? "-" : hit.Chapter[^1];
            output
                .Append(DisplayWidth.FitRight(YearLabel.Of(hit.Year), yearColumns), "cyan")
                .Append("  ")
                .Append(DisplayWidth.FitRight(hit.Doc, docColumns), "dim");
            if (chapterColumns > 0)
            {
                output.Append("  ").Append(DisplayWidth.FitRight(chapter, chapterColumns), "blue");
            }
            output
                .Append("  ")
                .Append(DisplayWidth.PadLeft(left, leftColumns))
                .Append(" ")
                .Append(marks.Item1 + TextWindow.Flatten(occurrence.Match) + marks.Item2, "bold black on yellow")
                .Append(" ")
                .Append(right);
            if (PageLabel.Of(hit.FirstPage, hit.LastPage) is { } page)
            {
                output.Append("  " + page, "dim");
            }
            if (hit.Ocr)
            {
                // Recognised text, and a match that is not the phrase itself, say so on their line.
                output.Append("  " + OcrLabel.Recognised + (occurrence.Span.Approximate ? " · " + OcrLabel.Approximate : string.Empty), "yellow");
            }
            output.EndLine();
        }
    }

    /// <summary>
    /// The chapter's and each context's columns for a line of <paramref name="width"/> columns (null: no limit),
    /// given the columns of the fixed fields before the chapter and of the match and what follows it.
    /// </summary>
    internal static (int Chapter, int Left, int Right) Layout(int? width, int fixedBefore, int matchAndAfter)
    {
        if (width is not { } total)
        {
            return (ChapterColumns, ContextColumns, ContextColumns);
        }
        // Room for the chapter (with its two-column gap) and both contexts.
        var room = total - fixedBefore - matchAndAfter;
        var chapter = Math.Clamp(room - 2 * ContextColumns - 2, 0, ChapterColumns);
        if (chapter < ChapterColumns)
        {
            // Narrower than the whole layout: the chapter gives way first, to a third of the room at most.
            chapter = Math.Clamp((room - 2 * MinContextColumns) / 3 - 2, 0, ChapterColumns);
        }
        if (chapter < 6)
        {
            // A chapter of a few columns says nothing; the context keeps them.
            chapter = 0;
        }
        var context = Math.Max(2 * MinContextColumns, room - (chapter > 0 ? chapter + 2 : 0));
        var left = Math.Min(ContextColumns, context / 2);
        return (chapter, left, Math.Min(ContextColumns, context - left));
    }
}

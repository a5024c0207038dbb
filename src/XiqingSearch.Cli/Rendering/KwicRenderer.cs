using System.Globalization;
using XiqingSearch.Core.Search.Model;

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

    /// <summary>Writes one line per occurrence.</summary>
    public static void Write(SearchResponse response, StyledWriter output)
    {
        var occurrences = Occurrence.All(response).ToList();
        var docColumns = occurrences.Count == 0 ? 0 : occurrences.Max(o => DisplayWidth.Of(o.Hit.Doc));
        var yearColumns = occurrences.Count == 0 ? 0 : occurrences.Max(o => DisplayWidth.Of(YearLabel.Of(o.Hit.Year)));
        foreach (var occurrence in occurrences)
        {
            var hit = occurrence.Hit;
            // The windows are cut by characters first (cheap), then by display columns.
            var left = DisplayWidth.TakeLast(TextWindow.Before(hit.Text, occurrence.Span.Start, ContextColumns), ContextColumns);
            var right = DisplayWidth.TakeFirst(TextWindow.After(hit.Text, occurrence.Span.End, ContextColumns), ContextColumns);
            var chapter = hit.Chapter.Count == 0 ? "-" : hit.Chapter[^1];
            output
                .Append(DisplayWidth.FitRight(YearLabel.Of(hit.Year), yearColumns), "cyan")
                .Append("  ")
                .Append(DisplayWidth.FitRight(hit.Doc, docColumns), "dim")
                .Append("  ")
                .Append(DisplayWidth.FitRight(chapter, ChapterColumns), "blue")
                .Append("  ")
                .Append(DisplayWidth.PadLeft(left, ContextColumns))
                .Append(" ")
                .Append(TextWindow.Flatten(occurrence.Match), "bold black on yellow")
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
}

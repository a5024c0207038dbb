using System.Text.RegularExpressions;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Ocr;

/// <summary>
/// Turns one page's recognised lines into the lines the splitter reads, with the paragraph ends the layout shows.
/// Chinese body text indents a paragraph's first line by two characters and leaves its last line short, so a line
/// ends a paragraph when the next one is indented, when it stops well before the text's right edge, or when a gap
/// wider than a line opens below it; otherwise the splitter's text rules decide, as for a digital PDF. Lines that
/// carry no text (a rule, a speck, a stamp's stray strokes read as one or two low-confidence characters) are dropped;
/// page numbers and running headers then go by the same rules as in digital PDFs (<see cref="PageFurniture"/>).
/// </summary>
internal static partial class OcrLayout
{
    /// <summary>Below this confidence a line of one or two characters at the page's edge is a stamp's or a speck's
    /// stray strokes, not text.</summary>
    private const double StrayConfidence = 0.6;

    public static List<PageLine> Lines(IReadOnlyList<OcrLine> recognised)
    {
        var lines = recognised.Where(HasText).ToList();
        lines = DropStrays(lines);
        var result = new List<PageLine>(lines.Count);
        if (lines.Count == 0)
        {
            return result;
        }
        var heights = lines.Select(l => l.Height).Order().ToList();
        var height = Math.Max(1, heights[heights.Count / 2]);
        var lefts = lines.Select(l => l.Left).Order().ToList();
        var rights = lines.Select(l => l.Right).Order().ToList();
        // The text column: most lines start at its left and end at its right (percentiles, so a stray mark does not
        // widen it).
        var columnLeft = lefts[lefts.Count / 10];
        var columnRight = rights[rights.Count * 9 / 10];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            // A centred page number below the last line is not an indented paragraph start: the paragraph may go on
            // over the page break.
            var next = i + 1 < lines.Count && !IsPageNumber(lines[i + 1].Text) ? lines[i + 1] : null;
            var ends = false;
            if (next is not null)
            {
                var indented = next.Left - columnLeft > height * 1.5 && next.Left - line.Left > height * 1.5;
                var gap = next.Top - line.Bottom > height * 1.2;
                ends = indented || gap;
            }
            var shortLine = columnRight - line.Right > height * 3;
            result.Add(new PageLine(PageNumber(line.Text), IsRow: false, EndsBlock: ends || shortLine, Ocr: true,
                OcrConfidence: line.Confidence));
        }
        return result;
    }

    /// <summary>A line with at least one letter, digit or ideograph (not a rule of dashes or a speck).</summary>
    private static bool HasText(OcrLine line) => line.Text.Any(char.IsLetterOrDigit);

    /// <summary>Drops one- or two-character lines of low confidence at the top or bottom of the page.</summary>
    private static List<OcrLine> DropStrays(List<OcrLine> lines)
    {
        bool Stray(OcrLine l) => l.Text.Length <= 2 && l.Confidence < StrayConfidence && !l.Text.All(char.IsAsciiDigit);
        var start = 0;
        while (start < lines.Count && Stray(lines[start]))
        {
            start++;
        }
        var end = lines.Count;
        while (end > start && Stray(lines[end - 1]))
        {
            end--;
        }
        return lines.GetRange(start, end - start);
    }

    /// <summary>
    /// A page number as printed (<c>— 3 —</c>) is often read with the dashes as <c>一</c>, <c>_</c> or <c>~</c>;
    /// it is written back as <c>— 3 —</c> so the running-furniture rules know it.
    /// </summary>
    private static string PageNumber(string text) =>
        PageNumberForm().Match(text) is { Success: true } m ? $"— {m.Groups[1].Value} —" : text;

    private static bool IsPageNumber(string text) => PageNumberForm().IsMatch(text) || text.Trim().All(char.IsAsciiDigit);

    [GeneratedRegex(@"^\s*[-—–一_~=·.]+\s*(\d{1,4})\s*[-—–一_~=·.]+\s*$")]
    private static partial Regex PageNumberForm();
}

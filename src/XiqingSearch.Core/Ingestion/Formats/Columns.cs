using UglyToad.PdfPig.Content;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Two-column pages read column by column. A gutter is a vertical band in the middle of the page that no letter
/// crosses on nearly every line, with text on either side of it on many lines, where the left column's lines run up to the band
/// (justified text, unlike the ragged cells of a table). Then each baseline's letters split at the gutter and the
/// lines are ordered: left column, then right column, between lines that span the gutter (a title over both).
/// </summary>
internal static class Columns
{
    /// <summary>The page's baseline groups (top to bottom) in reading order, each with its column: 1 left, 2 right,
    /// 0 for a one-column page or a line across both columns.</summary>
    public static List<(List<Letter> Letters, int Column)> Order(List<List<Letter>> groups, double pageWidth)
    {
        if (groups.Count < 8 || pageWidth <= 0 || FindGutter(groups, pageWidth) is not var (start, end))
        {
            return [.. groups.Select(g => (g, 0))];
        }
        var middle = (start + end) / 2;
        var result = new List<(List<Letter>, int)>(groups.Count * 2);
        var left = new List<List<Letter>>();
        var right = new List<List<Letter>>();
        foreach (var group in groups)
        {
            if (group.Any(l => Crosses(l, start, end)))
            {
                result.AddRange(left.Select(g => (g, 1)));
                result.AddRange(right.Select(g => (g, 2)));
                left.Clear();
                right.Clear();
                result.Add((group, 0));
                continue;
            }
            var leftPart = group.Where(l => l.StartBaseLine.X < middle).ToList();
            var rightPart = group.Where(l => l.StartBaseLine.X >= middle).ToList();
            if (leftPart.Count > 0)
            {
                left.Add(leftPart);
            }
            if (rightPart.Count > 0)
            {
                right.Add(rightPart);
            }
        }
        result.AddRange(left.Select(g => (g, 1)));
        result.AddRange(right.Select(g => (g, 2)));
        return result;
    }

    /// <summary>The widest band in the middle of the page that qualifies as a gutter, or null.</summary>
    private static (double Start, double End)? FindGutter(List<List<Letter>> groups, double pageWidth)
    {
        (double Start, double End)? best = null;
        double? runStart = null;
        for (var x = pageWidth * 0.3; x <= pageWidth * 0.7; x += 1)
        {
            if (IsGutterAt(groups, x))
            {
                runStart ??= x;
                continue;
            }
            Keep(runStart, x - 1);
            runStart = null;
        }
        Keep(runStart, pageWidth * 0.7);
        if (best is not var (start, end))
        {
            return null;
        }
        // The left column's lines run up to the gutter: most lines there end within two characters of it.
        var leftLines = groups.Where(g => g.Any(l => l.EndBaseLine.X <= start)).ToList();
        var size = Median(groups.SelectMany(g => g).Select(Size));
        var flush = leftLines.Count(g => g.Where(l => l.EndBaseLine.X <= start).Max(l => l.EndBaseLine.X) >= start - size * 2);
        return end - start >= size && flush * 2 >= leftLines.Count ? best : null;

        void Keep(double? from, double to)
        {
            if (from is double f && (best is null || to - f > best.Value.End - best.Value.Start))
            {
                best = (f, to);
            }
        }
    }

    /// <summary>No letter crosses <paramref name="x"/> on (nearly) all lines, and at least a third of the lines
    /// have text on each side of it (the columns' baselines need not line up).</summary>
    private static bool IsGutterAt(List<List<Letter>> groups, double x)
    {
        var crossing = 0;
        var left = 0;
        var right = 0;
        foreach (var group in groups)
        {
            if (group.Any(l => Crosses(l, x, x)))
            {
                crossing++;
                continue;
            }
            if (group.Any(l => l.EndBaseLine.X < x))
            {
                left++;
            }
            if (group.Any(l => l.StartBaseLine.X > x))
            {
                right++;
            }
        }
        return crossing * 20 <= groups.Count && left * 3 >= groups.Count && right * 3 >= groups.Count;
    }

    /// <summary>The letter's box, widened by a third of its size (the space between letters of one word), meets
    /// [<paramref name="start"/>, <paramref name="end"/>].</summary>
    private static bool Crosses(Letter letter, double start, double end)
    {
        var pad = Size(letter) / 3;
        return letter.StartBaseLine.X - pad <= end && letter.EndBaseLine.X + pad >= start;
    }

    private static double Size(Letter letter) => letter.PointSize > 0 ? letter.PointSize : 10;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 10 : sorted[sorted.Count / 2];
    }
}

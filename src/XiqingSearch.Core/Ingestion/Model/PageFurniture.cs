using System.Text.RegularExpressions;

namespace XiqingSearch.Core.Ingestion.Model;

/// <summary>
/// Removes running headers, footers and page numbers from the lines of a paged document, so that a paragraph (and a
/// phrase) crossing a page break reads on as one. Decided by position and repetition, not by a list of phrases:
/// <list type="bullet">
/// <item>Only the first and last <see cref="Zone"/> lines of a page can be furniture.</item>
/// <item>A line there is a running header or footer when the same line, digits ignored (page numbers, dates),
/// stands in the same zone on at least half of the pages (and on at least two).</item>
/// <item>A line there that is only a page number (<c>— 3 —</c>, <c>- 3 -</c>, <c>3/11</c>, <c>第 3 页</c>,
/// <c>3</c>, <c>Page 3 of 11</c>) goes whatever the repetition.</item>
/// </list>
/// Zones are peeled from the page edge inwards and stop at the first line that is not furniture, so the same words
/// in the body (a title repeated in a sentence, a heading equal to the header) stay.
/// </summary>
internal static partial class PageFurniture
{
    /// <summary>How many lines at the top and at the bottom of a page may be furniture.</summary>
    public const int Zone = 3;

    public static List<List<PageLine>> Remove(IReadOnlyList<List<PageLine>> pages)
    {
        var top = CountKeys(pages, fromTop: true);
        var bottom = CountKeys(pages, fromTop: false);
        var threshold = Math.Max(2, (pages.Count + 1) / 2);
        var result = new List<List<PageLine>>(pages.Count);
        foreach (var page in pages)
        {
            var start = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (start < page.Count && start < Zone && IsFurniture(page[start], top, threshold, seen))
            {
                start++;
            }
            var end = page.Count;
            seen.Clear();
            while (end > start && page.Count - end < Zone && IsFurniture(page[end - 1], bottom, threshold, seen))
            {
                end--;
            }
            result.Add(page.GetRange(start, end - start));
        }
        return result;
    }

    private static bool IsFurniture(PageLine line, Dictionary<string, int> counts, int threshold, HashSet<string> seen)
    {
        if (IsPageNumber(line.Text))
        {
            return true;
        }
        var key = Key(line.Text);
        // Each repeated line is peeled once per zone: the body may begin with the same words.
        return counts.TryGetValue(key, out var count) && count >= threshold && seen.Add(key);
    }

    /// <summary>On how many pages each key stands in the top (or bottom) zone.</summary>
    private static Dictionary<string, int> CountKeys(IReadOnlyList<List<PageLine>> pages, bool fromTop)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < Math.Min(Zone, page.Count); i++)
            {
                keys.Add(Key(page[fromTop ? i : page.Count - 1 - i].Text));
            }
            foreach (var key in keys)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        return counts;
    }

    /// <summary>The line without whitespace, every digit run as <c>#</c>: page numbers and dates vary per page.</summary>
    internal static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inDigits = false;
        foreach (var c in text)
        {
            if (DisplayTextCleaner.IsSpace(c))
            {
                continue;
            }
            var digit = char.IsAsciiDigit(c) || c is >= '０' and <= '９';
            if (!digit || !inDigits)
            {
                builder.Append(digit ? '#' : c);
            }
            inDigits = digit;
        }
        return builder.ToString();
    }

    /// <summary>True for a line that is only a page number in one of the usual forms.</summary>
    internal static bool IsPageNumber(string text) => PageNumberPattern().IsMatch(text.Trim());

    [GeneratedRegex(@"^(?:[—–\-－─]+\s*\d{1,4}\s*[—–\-－─]+|\d{1,4}(?:\s*/\s*\d{1,4})?|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|(?:共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页|[Pp]age\s+\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4}\s*[|｜]\s*\d{1,4})$")]
    private static partial Regex PageNumberPattern();
}

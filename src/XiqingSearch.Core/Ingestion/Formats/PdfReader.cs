using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Ingestion.Ocr;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// PDF with PdfPig: each page's letters grouped into lines by baseline, lines top to bottom, letters left to right;
/// a gap wider than a few characters separates table cells (the line becomes a row). Running headers, footers and
/// page numbers are removed (<see cref="PageFurniture"/>) before lines reach the splitter, which joins them across
/// wraps and page breaks by the same rules as text. Scanned, encrypted, damaged and unmapped-font PDFs are refused
/// with the page and the reason.
/// </summary>
internal sealed partial class PdfReader : IDocumentReader
{
    public static PdfReader Instance { get; } = new();

    /// <summary>A gap wider than this many font sizes between letters of one baseline separates table cells.</summary>
    private const double CellGap = 2.5;

    /// <summary>Above this share of letters without a Unicode mapping the text is not worth indexing.</summary>
    private const double UnmappedLimit = 0.3;

    public ExtractedDocument Read(byte[] bytes, IngestLimits limits) => Extract(bytes, limits, null);

    /// <summary>Reads with OCR: pages that are images without text go to <paramref name="ocr"/> (see <c>Ocr/</c>).</summary>
    public static ExtractedDocument ReadWithOcr(byte[] bytes, IngestLimits limits, IPageRecognizer? ocr) => Extract(bytes, limits, ocr);

    /// <summary>The lines alone, within the default limits.</summary>
    public IReadOnlyList<SourceLine> ReadLines(byte[] bytes) => Read(bytes, IngestLimits.Default).Lines;

    private static ExtractedDocument Extract(byte[] bytes, IngestLimits limits, IPageRecognizer? ocr)
    {
        if (!EndsWithEofMarker(bytes))
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                "truncated or corrupt PDF: no %%EOF end marker (the file was cut short)");
        }
        if (PdfSyntax.NestsDeeperThan(bytes, limits.MaxNestingDepth))
        {
            // The parser would recurse once per level (and, lenient, give up on the page silently).
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                $"corrupt PDF: arrays or dictionaries nest over {limits.MaxNestingDepth} deep, over the limit of "
                + $"{limits.MaxNestingDepth} (Ingestion:MaxNestingDepth)");
        }
        var facts = DocumentFacts.None;
        var pages = new List<List<PageLine>>();
        var emptyPages = new List<int>();
        var imagePages = 0;
        var imageOnlyPages = new List<int>();
        var letters = 0;
        var unmapped = 0;
        int? firstUnmappedPage = null;
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true });
            if (document.NumberOfPages > limits.MaxPages)
            {
                throw new UnreadableDocumentException(ProblemCodes.DocumentTooLarge, null,
                    $"{document.NumberOfPages} pages, over the limit of {limits.MaxPages} (Ingestion:MaxPages)");
            }
            facts = ReadFacts(document.Information);
            foreach (var page in document.GetPages())
            {
                var (lines, pageLetters, pageUnmapped) = ReadPage(page);
                letters += pageLetters;
                unmapped += pageUnmapped;
                if (pageLetters > 0 && pageUnmapped > pageLetters * UnmappedLimit)
                {
                    firstUnmappedPage ??= page.Number;
                }
                if (lines.Count == 0)
                {
                    emptyPages.Add(page.Number);
                    if (page.GetImages().Any())
                    {
                        imagePages++;
                        imageOnlyPages.Add(page.Number);
                    }
                }
                else if (InvisibleTextLayer.IsInvisible(page))
                {
                    lines = InvisibleTextLayer.Mark(lines);
                }
                pages.Add(lines);
            }
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentEncrypted, null,
                "encrypted PDF: it needs a password to open; save an unprotected copy", e);
        }
        catch (Exception e) when (e is not UnreadableDocumentException and not OutOfMemoryException)
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                $"truncated or corrupt PDF: {e.Message}", e);
        }

        // OCR hook: pages that are images without text are recognised, when OCR is on.
        if (ocr is not null && imageOnlyPages.Count > 0)
        {
            foreach (var (number, recognised) in ocr.Recognize(bytes, imageOnlyPages))
            {
                pages[number - 1] = recognised;
                letters += recognised.Sum(l => l.Text.Length);
                emptyPages.Remove(number);
            }
        }
        if (pages.Count == 0)
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null, "corrupt PDF: it has no pages");
        }
        // Scanned: no text on most pages (a blank page here and there is normal).
        if (emptyPages.Count * 2 > pages.Count && (imagePages > 0 || letters == 0))
        {
            throw new UnreadableDocumentException(ProblemCodes.NoTextLayer, emptyPages[0],
                $"no text layer: needs OCR ({emptyPages.Count} of {pages.Count} pages are images without text)");
        }
        if (letters == 0)
        {
            throw new UnreadableDocumentException(ProblemCodes.NoTextLayer, 1, "no text layer: the PDF holds no text");
        }
        if (unmapped > letters * UnmappedLimit)
        {
            throw new UnreadableDocumentException(ProblemCodes.UnmappedText, firstUnmappedPage,
                $"unreadable text: {unmapped * 100 / letters}% of the characters have no Unicode mapping "
                + "(U+FFFD or (cid:N): the fonts lack a ToUnicode table); print it to PDF again or OCR it");
        }

        var kept = MarkWraps(PageFurniture.Remove(pages));
        var result = new List<SourceLine>();
        var extracted = new ExtractedDocument(result, facts);
        for (var p = 0; p < kept.Count; p++)
        {
            foreach (var line in kept[p])
            {
                result.Add(new SourceLine(result.Count + 1, line.Text, IsMarkupHeading: false, IsCell: false,
                    Page: p + 1, EndsBlock: line.Short || line.EndsBlock, IsRow: line.IsRow, Wraps: line.Wraps,
                    Ocr: line.Ocr, OcrConfidence: line.OcrConfidence));
            }
        }
        return extracted;
    }

    /// <summary>
    /// What the PDF's Info dictionary says: its Title when it looks like a document's title (not a file name such as
    /// "Microsoft Word - 通知.docx", not "untitled", and without a web page's site suffix such as
    /// "_政府信息公开专栏" a browser print carries), and its CreationDate as the file's creation date.
    /// </summary>
    internal static DocumentFacts ReadFacts(DocumentInformation information)
    {
        DateOnly? created = null;
        try
        {
            if (information.GetCreatedDateTimeOffset() is DateTimeOffset date)
            {
                created = DateOnly.FromDateTime(date.DateTime);
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // A malformed date says nothing.
        }
        return new DocumentFacts { Title = RealTitle(information.Title), FileCreated = created };
    }

    /// <summary>The Info title when it reads as a Chinese document's title, else null.</summary>
    internal static string? RealTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        var text = ExtractedText.Clean(title).Trim();
        foreach (var prefix in new[] { "Microsoft Word - ", "Microsoft PowerPoint - ", "WPS文字 - " })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }
        if (FileNamePattern().IsMatch(text))
        {
            return null;
        }
        // A browser print's title is the page's: "标题_站点栏目" or "标题 - 站点" or "标题|站点".
        var cut = text.IndexOfAny(['_', '|']);
        var dash = text.IndexOf(" - ", StringComparison.Ordinal);
        cut = cut < 0 ? dash : dash < 0 ? cut : Math.Min(cut, dash);
        if (cut > 0)
        {
            text = text[..cut].Trim();
        }
        // A document's title has some words in it: at least four ideographs.
        return text.Count(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF') >= 4 ? text : null;
    }

    [GeneratedRegex(@"\.(docx?|wps|pdf|txt|rtf|xlsx?|pptx?|html?)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    /// <summary>True when <c>%%EOF</c> occurs in the last 2 KiB (writers may append whitespace or a few bytes).</summary>
    private static bool EndsWithEofMarker(byte[] bytes)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 2048));
        return tail.IndexOf("%%EOF"u8) >= 0;
    }

    /// <summary>The lines of one page, top to bottom, with the letter counts used to judge the text layer.</summary>
    internal static (List<PageLine> Lines, int Letters, int Unmapped) ReadPage(Page page)
    {
        var glyphs = new List<Letter>(page.Letters.Count);
        var unmapped = 0;
        foreach (var letter in page.Letters)
        {
            if (letter.Value.Length == 0 || IsUnmapped(letter.Value))
            {
                unmapped++;
                continue;
            }
            if (string.IsNullOrWhiteSpace(letter.Value) || letter.TextOrientation != TextOrientation.Horizontal)
            {
                // Spaces are re-made from gaps; rotated text is a watermark or a margin note, not the flow.
                continue;
            }
            glyphs.Add(letter);
        }
        var count = glyphs.Count + unmapped;
        if (glyphs.Count == 0)
        {
            return ([], count, unmapped);
        }

        // Group by baseline: a letter within a third of the font size of a line's baseline is on that line.
        glyphs.Sort((a, b) => b.StartBaseLine.Y.CompareTo(a.StartBaseLine.Y));
        var groups = new List<List<Letter>>();
        var baseline = double.NaN;
        foreach (var letter in glyphs)
        {
            var tolerance = Math.Max(1.0, Size(letter) * 0.35);
            if (groups.Count == 0 || Math.Abs(baseline - letter.StartBaseLine.Y) > tolerance)
            {
                groups.Add([]);
                baseline = letter.StartBaseLine.Y;
            }
            groups[^1].Add(letter);
        }

        var ordered = Columns.Order(groups, page.Width);
        var lines = new List<PageLine>(groups.Count);
        foreach (var (group, column) in ordered)
        {
            group.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
            var text = new StringBuilder();
            var isRow = false;
            Letter? previous = null;
            foreach (var letter in group)
            {
                if (previous is not null)
                {
                    var size = Math.Max(Size(letter), Size(previous));
                    var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                    if (letter.Value == previous.Value && Math.Abs(letter.StartBaseLine.X - previous.StartBaseLine.X) < size * 0.2)
                    {
                        // Drawn twice with a small offset: fake bold.
                        continue;
                    }
                    if (gap > size * CellGap)
                    {
                        text.Append(" | ");
                        isRow = true;
                    }
                    else if (gap > size * 0.2)
                    {
                        text.Append(' ');
                    }
                }
                text.Append(letter.Value);
                previous = letter;
            }
            var cleaned = ExtractedText.Clean(text.ToString()).Trim();
            if (cleaned.Trim('|', ' ').Length > 0)
            {
                var sizes = group.Select(Size).Order().ToList();
                var right = group.Max(l => Math.Max(l.EndBaseLine.X, l.StartBaseLine.X));
                lines.Add(new PageLine(cleaned, isRow)
                {
                    Size = sizes[sizes.Count / 2],
                    Baseline = group[0].StartBaseLine.Y,
                    Letters = group.Count,
                    Left = group[0].StartBaseLine.X,
                    Right = right,
                    Column = column,
                });
            }
        }
        return (JoinDisplayLines(lines), count, unmapped);
    }

    /// <summary>
    /// A title or heading set larger than the body and wrapped over several lines is one line again (so it is
    /// recognised by its form, as a heading in a text file is): consecutive lines of the same size, larger than the
    /// page's body text, close together. A document number under the title (<c>国发〔2018〕38号</c>) stays its own
    /// line even when set in the title's size.
    /// </summary>
    private static List<PageLine> JoinDisplayLines(List<PageLine> lines)
    {
        var result = new List<PageLine>(lines.Count);
        if (lines.Count == 0)
        {
            return result;
        }
        var body = BodySize(lines);
        // Footnote marks set small above the line ("2", "2 | 3") are a line of their own by baseline; they would cut
        // the sentence they mark in two.
        lines = lines.Where(l => !(l.Size < body * 0.8 && l.Text.All(c => char.IsAsciiDigit(c) || c is ' ' or '|' or '*'))).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text;
            while (!line.IsRow && line.Size > body + 0.75 && i + 1 < lines.Count && !lines[i + 1].IsRow
                && Math.Abs(lines[i + 1].Size - line.Size) < 0.5 && line.Baseline - lines[i + 1].Baseline <= line.Size * 2.2
                && !IsDocumentNumber(lines[i + 1].Text) && !IsDocumentNumber(text))
            {
                text += " " + lines[i + 1].Text;
                line = lines[i + 1] with { Left = Math.Min(line.Left, lines[i + 1].Left) };
                i++;
            }
            result.Add(line with { Text = text });
        }
        return result;
    }

    /// <summary>
    /// Marks how each body line ends, from where it stands on its page (after running headers and footers are gone,
    /// so the last line of a page is followed by the first of the next). A line running to the right margin whose
    /// next line starts at the left margin (not indented as a new paragraph starts) is wrapped: the sentence goes on,
    /// so a numbered item there is not a heading however short its first line. A line ending well before the right
    /// margin, or followed by an indented first line, ends its paragraph, as a reader sees it.
    /// </summary>
    private static List<List<PageLine>> MarkWraps(List<List<PageLine>> pages)
    {
        // Each column of a page has its own margins (one column unless the page is set in two).
        var margins = pages.Select(page => page.Select(l => l.Column).Distinct()
            .ToDictionary(c => c, c => Margins([.. page.Where(l => l.Column == c)]))).ToList();
        var result = new List<List<PageLine>>(pages.Count);
        for (var p = 0; p < pages.Count; p++)
        {
            var lines = pages[p];
            var marked = new List<PageLine>(lines);
            result.Add(marked);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var (next, nextLeft) = Next(pages, margins, p, i);
                if (line.IsRow || next is null)
                {
                    continue;
                }
                if (Math.Abs(next.Size - line.Size) > 0.75)
                {
                    // Another size is another block: a title does not run on into the issuer under it.
                    marked[i] = line with { Short = true };
                    continue;
                }
                if (margins[p][line.Column] is not var (body, left, right) || next.IsRow || Math.Abs(line.Size - body) > 0.75)
                {
                    continue;
                }
                var full = line.Right >= right - line.Size * 1.5;
                // A new paragraph's first line is indented by about two characters.
                var nextIndented = next.Left >= nextLeft + next.Size * 1.2 && next.Left <= nextLeft + next.Size * 3;
                if (full && next.Left <= nextLeft + next.Size * 0.8)
                {
                    marked[i] = line with { Wraps = true };
                }
                else if (nextIndented || (line.Right < right - line.Size * 3 && !EndsInLatin(line.Text)))
                {
                    marked[i] = line with { Short = true };
                }
            }
        }
        return result;
    }

    /// <summary>The line after line <paramref name="i"/> of page <paramref name="p"/> (on a later page when it is
    /// the page's last) and the left margin of its page (NaN when that page has no clear text column).</summary>
    private static (PageLine? Next, double Left) Next(List<List<PageLine>> pages,
        List<Dictionary<int, (double Body, double Left, double Right)?>> margins, int p, int i)
    {
        if (i + 1 < pages[p].Count)
        {
            return (pages[p][i + 1], margins[p][pages[p][i + 1].Column]?.Left ?? double.NaN);
        }
        for (var q = p + 1; q < pages.Count; q++)
        {
            if (pages[q].Count > 0)
            {
                return (pages[q][0], margins[q][pages[q][0].Column]?.Left ?? double.NaN);
            }
        }
        return (null, double.NaN);
    }

    /// <summary>The page's body size and text column (left edge, right margin), or null when it has too few body
    /// lines or too narrow a column to tell a wrap from a short line.</summary>
    private static (double Body, double Left, double Right)? Margins(List<PageLine> lines)
    {
        if (lines.Count == 0)
        {
            return null;
        }
        var body = BodySize(lines);
        var bodyLines = lines.Where(l => !l.IsRow && l.Letters >= 8 && Math.Abs(l.Size - body) <= 0.75).ToList();
        if (bodyLines.Count < 3)
        {
            return null;
        }
        var left = bodyLines.Min(l => l.Left);
        var rights = bodyLines.Select(l => l.Right).Order().ToList();
        var right = rights[(int)Math.Floor((rights.Count - 1) * 0.9)];
        return right - left < body * 15 ? null : (body, left, right);
    }

    /// <summary>A Latin word or number wraps whole, leaving a gap at the line's end: that is no paragraph end.</summary>
    private static bool EndsInLatin(string text) => text.Length > 0 && char.IsAsciiLetterOrDigit(text[^1]);

    /// <summary>The font size most letters of the page are set in.</summary>
    private static double BodySize(List<PageLine> lines) =>
        lines.GroupBy(l => Math.Round(l.Size)).OrderByDescending(g => g.Sum(l => l.Letters)).First().Key;

    private static bool IsDocumentNumber(string text) =>
        HeadingRecognizer.IsDocumentNumber(DisplayTextCleaner.Squeeze(text));

    private static double Size(Letter letter)
    {
        var size = letter.PointSize > 0 ? letter.PointSize : letter.BoundingBox.Height;
        return size > 0 ? size : 10;
    }

    /// <summary>
    /// U+FFFD, a <c>(cid:N)</c> placeholder, control characters or a private-use code point: a glyph the font maps to
    /// no text a reader could search for. Dropped from the text, and counted to tell an unreadable PDF.
    /// </summary>
    private static bool IsUnmapped(string value) =>
        value.Contains('\uFFFD') || value.StartsWith("(cid:", StringComparison.Ordinal)
        || value.All(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || value.All(c => c is >= '\uE000' and <= '\uF8FF');
}

using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;
using XiqingSearch.Core.Ingestion.Ocr;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// PDF with PdfPig: each page's letters grouped into lines by baseline, lines top to bottom, letters left to right;
/// a gap wider than a few characters separates table cells (the line becomes a row). Running headers, footers and
/// page numbers are removed (<see cref="PageFurniture"/>) before lines reach the splitter, which joins them across
/// wraps and page breaks by the same rules as text. Scanned, encrypted, damaged and unmapped-font PDFs are refused
/// with the page and the reason.
/// </summary>
internal sealed class PdfReader : IDocumentReader
{
    public static PdfReader Instance { get; } = new();

    /// <summary>A gap wider than this many font sizes between letters of one baseline separates table cells.</summary>
    private const double CellGap = 2.5;

    /// <summary>Above this share of letters without a Unicode mapping the text is not worth indexing.</summary>
    private const double UnmappedLimit = 0.3;

    public ExtractedDocument Read(byte[] bytes, IngestLimits limits) => new(Extract(bytes, null), DocumentFacts.None);

    /// <summary>Reads with OCR: pages that are images without text go to <paramref name="ocr"/> (see <c>Ocr/</c>).</summary>
    public static ExtractedDocument ReadWithOcr(byte[] bytes, IngestLimits limits, IPageRecognizer? ocr) => new(Extract(bytes, ocr), DocumentFacts.None);

    /// <summary>The lines alone, within the default limits.</summary>
    public IReadOnlyList<SourceLine> ReadLines(byte[] bytes) => Read(bytes, IngestLimits.Default).Lines;

    private static IReadOnlyList<SourceLine> Extract(byte[] bytes, IPageRecognizer? ocr)
    {
        if (!EndsWithEofMarker(bytes))
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                "truncated or corrupt PDF: no %%EOF end marker (the file was cut short)");
        }
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

        var kept = PageFurniture.Remove(pages);
        var result = new List<SourceLine>();
        for (var p = 0; p < kept.Count; p++)
        {
            foreach (var line in kept[p])
            {
                result.Add(new SourceLine(result.Count + 1, line.Text, IsMarkupHeading: false, IsCell: false,
                    Page: p + 1, EndsBlock: line.EndsBlock, IsRow: line.IsRow, Ocr: line.Ocr, OcrConfidence: line.OcrConfidence));
            }
        }
        return result;
    }

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

        var lines = new List<(PageLine Line, double Size, double Baseline, int Letters)>(groups.Count);
        foreach (var group in groups)
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
                lines.Add((new PageLine(cleaned, isRow), sizes[sizes.Count / 2], group[0].StartBaseLine.Y, group.Count));
            }
        }
        return (JoinDisplayLines(lines), count, unmapped);
    }

    /// <summary>
    /// A title or heading set larger than the body and wrapped over several lines is one line again (so it is
    /// recognised by its form, as a heading in a text file is): consecutive lines of the same size, larger than the
    /// page's body text, close together.
    /// </summary>
    private static List<PageLine> JoinDisplayLines(List<(PageLine Line, double Size, double Baseline, int Letters)> lines)
    {
        var result = new List<PageLine>(lines.Count);
        if (lines.Count == 0)
        {
            return result;
        }
        var body = lines.GroupBy(l => Math.Round(l.Size)).OrderByDescending(g => g.Sum(l => l.Letters)).First().Key;
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, size, baseline, _) = lines[i];
            var text = line.Text;
            while (!line.IsRow && size > body + 0.75 && i + 1 < lines.Count && !lines[i + 1].Line.IsRow
                && Math.Abs(lines[i + 1].Size - size) < 0.5 && baseline - lines[i + 1].Baseline <= size * 2.2)
            {
                text += " " + lines[i + 1].Line.Text;
                baseline = lines[i + 1].Baseline;
                i++;
            }
            result.Add(new PageLine(text, line.IsRow));
        }
        return result;
    }

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

/// <summary>One printed line of a page.</summary>
/// <param name="Text">The line's text (cells joined with <c> | </c> when <paramref name="IsRow"/>).</param>
/// <param name="IsRow">True when wide gaps split the line into table cells.</param>
/// <param name="EndsBlock">True when the layout ends a paragraph after the line (OCR: the next line is indented).</param>
/// <param name="Ocr">True for OCR text: recognised from a page image, or an invisible text layer.</param>
/// <param name="OcrConfidence">Mean confidence (0..1) of the line's recognised words; null when unknown.</param>
internal sealed record PageLine(string Text, bool IsRow, bool EndsBlock = false, bool Ocr = false, double? OcrConfidence = null);

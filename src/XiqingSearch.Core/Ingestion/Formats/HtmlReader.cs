using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Saved web pages, as content management systems make them (gov.cn's layout tables, TRS and UCAP templates,
/// HTML5 articles), with AngleSharp:
/// <list type="number">
/// <item>Depth first: the bytes are scanned for nesting (<see cref="HtmlDepthScan"/>) before parsing, because
/// the HTML tree builder's time grows with the square of the depth (AngleSharp took 4 s for 12,500 nested
/// <c>div</c>s, 36 s for 50,000, 57 s for 100,000); a page deeper than <see cref="IngestLimits.MaxNestingDepth"/>
/// is refused with that limit named, before and (for what the scan cannot see) after parsing. (AngleSharp itself
/// stops nesting at 512 open elements and adds deeper ones as siblings, as browsers do, so a tree is never deeper
/// than that; its time still grows with the square of the depth in the source.)</item>
/// <item>The page is measured in one pass (<see cref="HtmlPage"/>), so every later step is linear.</item>
/// <item>The 政府信息公开 metadata table, <c>meta</c> tags, <c>title</c> and canonical link become
/// <see cref="DocumentFacts"/> (<see cref="HtmlFacts"/>), and the metadata table is not text.</item>
/// <item>The document's element is found by a content score (<see cref="HtmlContent"/>): sentence punctuation and
/// text per paragraph, against link density, with known CMS content ids and classes as a boost. SmartReader (a
/// Readability port) was tried on the gov.cn fixtures: it found the same body, but it drops the table and heading
/// structure (its output is re-serialised HTML to parse again), cannot be bounded in depth (12,500 nested
/// <c>div</c>s ended the process), and adds a second AngleSharp; the hand rules keep the structure, the facts
/// and linear time.</item>
/// <item>Walking that element: site chrome (<c>nav</c>, <c>header</c>, <c>footer</c>, <c>aside</c>, forms,
/// share/print/related boxes by class or id, link lists) and furniture lines (breadcrumbs, font-size and print
/// controls, QR prompts, previous/next, footers: <see cref="HtmlRules.IsFurnitureLine"/>) are dropped. Each block
/// (<c>p</c>, <c>div</c>, <c>li</c>, a layout-table cell…) is a paragraph and <c>br</c> a wrapped line. A data
/// table (several rows of several short cells, no nested table) gives one <c>table-row</c> line per row, cells
/// joined with <c> | </c>; any other table is layout, and its cells are blocks. <c>h1</c>–<c>h6</c> are headings,
/// and so is a short block that is bold throughout (<c>b</c>, <c>strong</c>, <c>font-weight: bold</c>): levels
/// still come from the text's form (<see cref="HeadingRecognizer"/>). Consecutive bold lines of no numbered form
/// (a title set over several centred lines) are joined into one heading; when the document's
/// element has no heading first, the page's <c>h1</c> above it is put first, else the title fact (so a body
/// that starts with a paragraph, or whose only heading was a related-articles caption, still has the page's
/// title as its first heading). Related-articles boxes of any size (<see cref="HtmlRules.IsRelatedBlock"/>) and
/// page statistics (<see cref="HtmlRules.WithoutStatistics"/>) are dropped too.</item>
/// </list>
/// The charset comes from the BOM or the page's <c>meta</c> (GBK and GB2312 pages decode through the code-page
/// encodings), else UTF-8.
/// </summary>
internal sealed partial class HtmlReader : IDocumentReader
{
    static HtmlReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static HtmlReader Instance { get; } = new();

    /// <summary>Depth up to which the caller's stack is deep enough for the parser and the walkers.</summary>
    private const int DepthOnCallerStack = 1024;

    public ExtractedDocument Read(byte[] bytes, IngestLimits limits)
    {
        if (limits.MaxNestingDepth <= DepthOnCallerStack)
        {
            return ReadPage(bytes, limits);
        }
        // A raised depth limit: the parser and the walkers recurse once per level, so the page is read on a
        // thread whose stack is sized for that depth (2 KB a level).
        ExtractedDocument? result = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = ReadPage(bytes, limits);
            }
            catch (Exception e)
            {
                error = e;
            }
        }, maxStackSize: (int)Math.Min(int.MaxValue, (16L * 1024 * 1024) + (limits.MaxNestingDepth * 2048L)));
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
        return result!;
    }

    private static ExtractedDocument ReadPage(byte[] bytes, IngestLimits limits)
    {
        if (HtmlDepthScan.Exceeds(bytes, limits.MaxNestingDepth))
        {
            throw HtmlPage.TooDeep(limits.MaxNestingDepth);
        }
        using var stream = new MemoryStream(bytes, writable: false);
        var document = new HtmlParser().ParseDocument(stream);
        var page = HtmlPage.Measure(document, limits);
        var consumed = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        var facts = HtmlFacts.Read(page, consumed);
        var root = HtmlContent.FindRoot(page);
        var walker = new Walker(page, consumed, root, limits);
        walker.Walk(root, 0);
        walker.Flush(endsBlock: true);
        walker.PutTitleFirst(TitleAbove(page, root, consumed) ?? facts.Title);
        return new ExtractedDocument(walker.Lines, facts);
    }

    /// <summary>The lines alone, within the default limits.</summary>
    public IReadOnlyList<SourceLine> ReadLines(byte[] bytes) => Read(bytes, IngestLimits.Default).Lines;

    /// <summary>The last <c>h1</c> before <paramref name="root"/>, outside site chrome (the article's title when
    /// the body box below it was chosen).</summary>
    private static string? TitleAbove(HtmlPage page, IElement root, HashSet<IElement> consumed)
    {
        string? title = null;
        foreach (var h1 in page.Document.QuerySelectorAll("h1"))
        {
            if (root.Contains(h1) || h1.Contains(root))
            {
                continue;
            }
            if (!h1.CompareDocumentPosition(root).HasFlag(DocumentPositions.Following))
            {
                break;
            }
            var inChrome = false;
            for (var e = h1; e is not null && !inChrome; e = e.ParentElement)
            {
                inChrome = consumed.Contains(e) || HtmlRules.IsInvisible(e) || HtmlRules.IsChrome(e, page.Stats(e));
            }
            var text = DisplayTextCleaner.Clean(ExtractedText.Clean(h1.TextContent)).Trim();
            if (!inChrome && DisplayTextCleaner.Squeeze(text).Length >= 4)
            {
                title = text;
            }
        }
        return title;
    }

    [GeneratedRegex(@"^附件\s*[0-9０-９一二三四五六七八九十]*[：:]?$")]
    private static partial Regex AttachmentLabelPattern();

    private sealed class Walker(HtmlPage page, HashSet<IElement> consumed, IElement root, IngestLimits limits)
    {
        private readonly StringBuilder _buffer = new();
        private int _visible;
        private int _bold;
        private int _boldDepth;
        private int _inline;
        private long _characters;
        private bool _lastIsTitleRun;

        public List<SourceLine> Lines { get; } = [];

        public void Walk(INode node, int depth)
        {
            if (node is IText text)
            {
                Append(text.Data);
                return;
            }
            if (node is not IElement element)
            {
                return;
            }
            if (depth > limits.MaxNestingDepth)
            {
                throw HtmlPage.TooDeep(limits.MaxNestingDepth);
            }
            var stats = page.Stats(element);
            if (consumed.Contains(element) || HtmlRules.IsInvisible(element)
                || (element != root && (HtmlRules.IsChrome(element, stats) || HtmlRules.IsLinkList(stats)
                    || HtmlRules.IsRelatedBlock(element, stats))))
            {
                return;
            }
            var name = element.LocalName;
            if (_inline > 0)
            {
                // Inside a heading or a data-table cell every element is inline: blocks and breaks are spaces.
                if (name == "br" || HtmlRules.IsBlock(name))
                {
                    _buffer.Append(' ');
                }
                WalkChildren(element, depth);
                return;
            }
            switch (name)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    Flush(endsBlock: true);
                    _inline++;
                    WalkChildren(element, depth);
                    _inline--;
                    Flush(endsBlock: true, heading: true);
                    return;
                case "table" when IsDataTable(element):
                    Flush(endsBlock: true);
                    foreach (var row in Rows(element))
                    {
                        AddRow(row, depth);
                    }
                    return;
                case "br" when _visible > 0 && _bold == _visible:
                    // A bold block broken over lines (a title set on two or three centred lines) stays one line.
                    _buffer.Append('\n');
                    return;
                case "br":
                    Flush(endsBlock: false);
                    return;
                case "pre":
                    Flush(endsBlock: true);
                    foreach (var line in element.TextContent.ReplaceLineEndings("\n").Split('\n'))
                    {
                        Add(Collapse(line), endsBlock: false, heading: false, isRow: false);
                    }
                    Flush(endsBlock: true);
                    return;
            }
            var block = HtmlRules.IsBlock(name);
            if (block)
            {
                Flush(endsBlock: true);
            }
            var bold = HtmlRules.IsBold(element);
            if (bold)
            {
                _boldDepth++;
            }
            WalkChildren(element, depth);
            if (bold)
            {
                _boldDepth--;
            }
            if (block)
            {
                Flush(endsBlock: true);
            }
        }

        /// <summary>Ends the current line; a line that is bold throughout and short is a heading.</summary>
        public void Flush(bool endsBlock, bool heading = false)
        {
            var text = Collapse(HtmlRules.WithoutStatistics(Collapse(_buffer.ToString())));
            var allBold = _visible > 0 && _bold == _visible;
            _buffer.Clear();
            _visible = 0;
            _bold = 0;
            if (text.Length == 0)
            {
                if (endsBlock && Lines.Count > 0 && !Lines[^1].EndsBlock)
                {
                    Lines[^1] = Lines[^1] with { EndsBlock = true };
                }
                return;
            }
            var squeezed = DisplayTextCleaner.Squeeze(text);
            if (HtmlRules.IsFurnitureLine(squeezed))
            {
                return;
            }
            var boldHeading = !heading && allBold && endsBlock && HeadingRecognizer.HasHeadingShape(squeezed);
            if (boldHeading && HeadingRecognizer.FormLevel(squeezed) is null)
            {
                // A title set in bold over several blocks is one heading (but "附件1" above a title is its own).
                if (_lastIsTitleRun && Lines.Count > 0 && !AttachmentLabelPattern().IsMatch(Lines[^1].Text))
                {
                    Lines[^1] = Lines[^1] with { Text = Lines[^1].Text + text };
                }
                else
                {
                    Add(text, endsBlock: true, heading: true, isRow: false);
                    _lastIsTitleRun = true;
                }
                return;
            }
            _lastIsTitleRun = false;
            Add(text, endsBlock, heading || boldHeading, isRow: false);
        }

        /// <summary>
        /// Puts <paramref name="title"/> (the page's <c>h1</c> above the content, else its title fact) first as a
        /// heading when the lines do not start with a heading, so the title is the document's first heading even
        /// when the content element holds none; a first line that already says the title is made the heading.
        /// </summary>
        public void PutTitleFirst(string? title)
        {
            // A title of under 4 characters is a site's name or a placeholder, not a document's title.
            if (title is null || DisplayTextCleaner.Squeeze(title).Length < 4 || (Lines.Count > 0 && Lines[0].IsMarkupHeading))
            {
                return;
            }
            if (Lines.Count > 0 && DisplayTextCleaner.Squeeze(Lines[0].Text) == DisplayTextCleaner.Squeeze(title))
            {
                Lines[0] = Lines[0] with { IsMarkupHeading = true, EndsBlock = true };
                return;
            }
            Lines.Insert(0, new SourceLine(0, title, IsMarkupHeading: true, IsCell: false, EndsBlock: true));
            for (var i = 0; i < Lines.Count; i++)
            {
                Lines[i] = Lines[i] with { Number = i + 1 };
            }
        }

        /// <summary>
        /// Walks the children; a related-articles caption standing alone (<c>&lt;h3&gt;关联稿件：&lt;/h3&gt;</c>) is dropped
        /// with the links that follow it (siblings made mostly of link text), however few they are.
        /// </summary>
        private void WalkChildren(IElement element, int depth)
        {
            var afterRelatedCaption = false;
            for (var child = element.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child is IElement childElement && _inline == 0)
                {
                    var stats = page.Stats(childElement);
                    if (afterRelatedCaption && stats.Links > 0 && stats.LinkDensity >= 0.5)
                    {
                        continue;
                    }
                    afterRelatedCaption = false;
                    if (HtmlRules.IsRelatedCaption(childElement, stats))
                    {
                        afterRelatedCaption = true;
                        continue;
                    }
                }
                else if (child is IText text && !string.IsNullOrWhiteSpace(text.Data))
                {
                    afterRelatedCaption = false;
                }
                Walk(child, depth + 1);
            }
        }

        private void Append(string text)
        {
            _buffer.Append(text);
            var (visible, _) = HtmlRules.Count(text);
            _visible += visible;
            if (_boldDepth > 0)
            {
                _bold += visible;
            }
        }

        private void AddRow(IElement row, int depth)
        {
            var cells = new List<string>();
            foreach (var cell in row.Children)
            {
                if (cell.LocalName is not ("td" or "th") || HtmlRules.IsInvisible(cell))
                {
                    continue;
                }
                _inline++;
                WalkChildren(cell, depth + 1);
                _inline--;
                var text = Collapse(_buffer.ToString());
                _buffer.Clear();
                _visible = 0;
                _bold = 0;
                if (text.Length > 0)
                {
                    cells.Add(text);
                }
            }
            if (cells.Count > 0)
            {
                _lastIsTitleRun = false;
                Add(string.Join(" | ", cells), endsBlock: true, heading: false, isRow: cells.Count > 1);
            }
        }

        /// <summary>
        /// A table of data, not of layout: no nested table, at least two rows with two or more cells with text,
        /// such rows at least half of all rows, and no cell longer than 200 characters (layout cells hold whole
        /// blocks of text).
        /// </summary>
        private bool IsDataTable(IElement table)
        {
            if (page.Stats(table).Tables > 0)
            {
                return false;
            }
            var rows = 0;
            var multi = 0;
            foreach (var row in Rows(table))
            {
                rows++;
                var filled = 0;
                foreach (var cell in row.Children)
                {
                    if (cell.LocalName is not ("td" or "th"))
                    {
                        continue;
                    }
                    var text = page.Stats(cell).Text;
                    if (text > 200)
                    {
                        return false;
                    }
                    filled += text > 0 ? 1 : 0;
                }
                multi += filled >= 2 ? 1 : 0;
            }
            return multi >= 2 && multi * 2 >= rows;
        }

        private static IEnumerable<IElement> Rows(IElement table)
        {
            foreach (var child in table.Children)
            {
                if (child.LocalName == "tr")
                {
                    yield return child;
                }
                else if (child.LocalName is "thead" or "tbody" or "tfoot")
                {
                    foreach (var row in child.Children)
                    {
                        if (row.LocalName == "tr")
                        {
                            yield return row;
                        }
                    }
                }
            }
        }

        private void Add(string text, bool endsBlock, bool heading, bool isRow)
        {
            var cleaned = ExtractedText.Clean(text).Trim();
            if (cleaned.Length == 0)
            {
                return;
            }
            _characters += cleaned.Length;
            if (_characters > limits.MaxDocumentCharacters)
            {
                throw new UnreadableDocumentException(ProblemCodes.DocumentTooLarge, null,
                    $"text longer than {limits.MaxDocumentCharacters:N0} characters (limit Ingestion:MaxDocumentCharacters)");
            }
            Lines.Add(new SourceLine(Lines.Count + 1, cleaned, heading, IsCell: false, EndsBlock: endsBlock, IsRow: isRow));
        }

        private static string Collapse(string text)
        {
            var builder = new StringBuilder(text.Length);
            var space = false;
            foreach (var c in text)
            {
                if (DisplayTextCleaner.IsSpace(c))
                {
                    space = builder.Length > 0;
                    continue;
                }
                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }
                builder.Append(c);
            }
            return builder.ToString();
        }
    }
}

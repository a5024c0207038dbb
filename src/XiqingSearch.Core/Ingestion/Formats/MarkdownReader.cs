using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Markdown, parsed by Markdig, handed on line for line: every source line stays one <see cref="SourceLine"/> with
/// its own number (blank lines too, which the splitter reads), with the markup taken out of it by what Markdig
/// says the line is:
/// <list type="bullet">
/// <item>YAML front matter is metadata, not text (<c>title</c>, <c>date</c>, <c>issuer</c>/<c>source</c>/
/// <c>author</c>, <c>number</c>, <c>url</c>: see <see cref="ReadFrontMatter"/>); its lines are blank.</item>
/// <item>Headings (ATX <c>#</c> and setext) lose their markers and are flagged; the number of <c>#</c> is ignored,
/// because real files use random levels; the level comes from the heading's form.</item>
/// <item>Paragraph lines keep their text: emphasis markers go, a link keeps its text without its URL, an image is
/// dropped (a reader sees the picture, not its alt text), inline HTML tags go, emphasis is read CJK-friendly, entities are decoded, inline code
/// keeps its code. Ordered-list numbers stay (<c>1.</c> is part of a Chinese list item); bullets and quote markers go.</item>
/// <item>Code blocks are text, line for line (a tab-led line stays tab-led, a table cell to the splitter).</item>
/// <item>Raw HTML blocks are reduced to their text: tags, attributes (and the URLs in them), comments, scripts and
/// styles are dropped.</item>
/// <item>Pipe tables: each row is one line of its cells joined with <c> | </c> (<c>IsRow</c>); the delimiter row is blank.</item>
/// </list>
/// </summary>
internal sealed partial class MarkdownReader : IFormatReader
{
    private readonly bool _headingsOnly;

    private MarkdownReader(bool headingsOnly) => _headingsOnly = headingsOnly;

    /// <summary>Full Markdown, for <c>*.md</c> files.</summary>
    public static MarkdownReader Instance { get; } = new(headingsOnly: false);

    /// <summary>
    /// Only ATX heading lines are markup (their markers removed, the line flagged); every other line is text as
    /// it stands. For <c>*.txt</c> files that use <c>#</c> headings: their other characters (<c>PM&lt;sub&gt;2.5</c>,
    /// <c>*</c>) are the document's own text.
    /// </summary>
    public static MarkdownReader HeadingsOnly { get; } = new(headingsOnly: true);

    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        // "**重要渠道。**人民" is emphasis to a Chinese writer; CommonMark's flanking rules alone would leave the stars.
        .UseCjkFriendlyEmphasis()
        .Build();

    public IReadOnlyList<SourceLine> ReadLines(string text) => Read(text).Lines;

    public ExtractedDocument Read(string text)
    {
        var raw = PlainTextReader.SplitLines(text);
        if (_headingsOnly)
        {
            return new ExtractedDocument(ReadHeadings(raw), DocumentFacts.None);
        }
        // Markdig's line numbers count \n, \r\n and \r as this reader does, once the endings are one kind.
        var joined = string.Join('\n', raw);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(joined, s_pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig keeps its own depth limit (nested quotes, lists, emphasis): past it the file is refused whole,
            // never read in part.
            throw new UnreadableDocumentException(Problems.ProblemCodes.DocumentTooLarge, null,
                $"Markdown nested too deeply to read: {e.Message}", e);
        }
        var lines = new LineSet(raw, joined);
        var facts = DocumentFacts.None;
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock front)
            {
                facts = ReadFrontMatter(front);
                lines.Clear(front.Line, lines.EndLine(front));
                continue;
            }
            Visit(block, lines);
        }
        return new ExtractedDocument(lines.ToSourceLines(), facts);
    }

    private static List<SourceLine> ReadHeadings(string[] lines)
    {
        var result = new List<SourceLine>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            result.Add(HeadingLine(i + 1, lines[i]));
        }
        return result;
    }

    /// <summary>A line of a text file with <c>#</c> headings: a heading loses its markers and is flagged, any other
    /// line is text as it stands.</summary>
    internal static SourceLine HeadingLine(int number, string line)
    {
        var match = HeadingPattern().Match(line);
        return match.Success
            ? new SourceLine(number, match.Groups["text"].Value, IsMarkupHeading: true, IsCell: false)
            : new SourceLine(number, line, IsMarkupHeading: false, IsCell: line.StartsWith('\t'));
    }

    /// <summary>True when <paramref name="text"/> has at least one markdown heading line.</summary>
    public static bool HasMarkdownHeadings(string text) => AnyHeadingPattern().IsMatch(text);

    /// <summary>
    /// The front matter's facts: <c>title</c>; <c>date</c> (the document's own date, so its written date, unless
    /// <c>writtenDate</c> says otherwise); <c>publishedDate</c>/<c>published</c>; <c>issuer</c>, else
    /// <c>source</c>, else <c>author</c>; <c>number</c> (文号); <c>url</c>/<c>sourceUrl</c>. Values may be quoted;
    /// nested YAML is not read.
    /// </summary>
    internal static DocumentFacts ReadFrontMatter(YamlFrontMatterBlock block)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in block.Lines.Lines.Take(block.Lines.Count))
        {
            var match = FrontMatterPattern().Match(line.Slice.ToString());
            if (match.Success)
            {
                var value = match.Groups["value"].Value.Trim();
                if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0])
                {
                    value = value[1..^1];
                }
                if (value.Length > 0)
                {
                    values.TryAdd(match.Groups["key"].Value, value);
                }
            }
        }
        string? Get(params string[] keys) => keys.Select(values.GetValueOrDefault).FirstOrDefault(v => v is not null);
        var url = Get("url", "sourceUrl", "source_url", "link");
        return new DocumentFacts
        {
            Title = Get("title"),
            Number = Get("number", "文号", "docNumber"),
            Issuer = Get("issuer", "发文机关", "source", "author"),
            WrittenDate = FactDates.Parse(Get("writtenDate", "written", "成文日期", "date")),
            PublishedDate = FactDates.Parse(Get("publishedDate", "published", "发布日期")),
            SourceUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.ToString() : null,
        };
    }

    private static void Visit(Block block, LineSet lines)
    {
        switch (block)
        {
            case HeadingBlock heading:
                // A setext heading's text lines and its underline are one heading; its text goes on its first line.
                // (Markdig numbers a setext heading by its underline; its span starts at its text.)
                var start = lines.StartLine(heading);
                lines.Clear(start, Math.Max(heading.Line, lines.EndLine(heading)));
                var headingText = new StringBuilder();
                AppendInlines(heading.Inline, headingText, null, -1);
                lines.Set(start, headingText.ToString(), heading: true);
                var underline = lines.EndLine(heading) + 1;
                if (heading.IsSetext && lines.IsSetextUnderline(underline))
                {
                    lines.Clear(underline, underline);
                }
                break;
            case ParagraphBlock paragraph:
                var byLine = new Dictionary<int, StringBuilder>();
                AppendInlines(paragraph.Inline, null, byLine, paragraph.Line);
                // (Markdig releases a leaf block's Lines once its inlines are parsed: the span gives its extent.)
                for (var i = paragraph.Line; i <= lines.EndLine(paragraph); i++)
                {
                    lines.Set(i, lines.Indent(i) + (byLine.TryGetValue(i, out var builder) ? builder.ToString() : string.Empty), heading: false);
                }
                if (paragraph.Parent is ListItemBlock { Parent: ListBlock { IsOrdered: true } list } item
                    && item.Line == paragraph.Line)
                {
                    lines.Set(paragraph.Line, item.Order.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        + list.OrderedDelimiter + lines.Current(paragraph.Line).TrimStart(), heading: false);
                }
                break;
            case CodeBlock code:
                // Fenced code: the fences are not text; indented code keeps its lines whole (a tab-led table).
                if (code is FencedCodeBlock)
                {
                    lines.Clear(code.Line, code.Line);
                    var fenceEnd = lines.EndLine(code);
                    if (fenceEnd > code.Line && lines.IsFence(fenceEnd))
                    {
                        lines.Clear(fenceEnd, fenceEnd);
                    }
                }
                break;
            case HtmlBlock html:
                ReduceHtml(html, lines);
                break;
            case Table table:
                foreach (var rowBlock in table)
                {
                    if (rowBlock is not TableRow row)
                    {
                        continue;
                    }
                    var cells = new List<string>();
                    foreach (var cellBlock in row)
                    {
                        var cellText = new StringBuilder();
                        foreach (var inner in (TableCell)cellBlock)
                        {
                            if (inner is LeafBlock { Inline: { } inline })
                            {
                                AppendInlines(inline, cellText, null, -1);
                            }
                        }
                        var trimmed = cellText.ToString().Trim();
                        if (trimmed.Length > 0)
                        {
                            cells.Add(trimmed);
                        }
                    }
                    lines.Set(row.Line, string.Join(" | ", cells), heading: false, row: true);
                }
                // The delimiter row (|---|---|) is no row: blank it.
                for (var i = table.Line; i <= lines.EndLine(table); i++)
                {
                    if (lines.IsDelimiterRow(i))
                    {
                        lines.Clear(i, i);
                    }
                }
                break;
            case ThematicBreakBlock thematic:
                lines.Clear(thematic.Line, thematic.Line);
                break;
            case LinkReferenceDefinitionGroup group:
                foreach (var definition in group)
                {
                    lines.Clear(definition.Line, definition.Line);
                }
                break;
            case ContainerBlock container:
                if (container is QuoteBlock or ListItemBlock)
                {
                    // The markers (">", "-", "1.") are dropped with the paragraph's own text; list numbers are put back.
                    for (var i = container.Line; i < container.Line + 1; i++)
                    {
                        lines.Set(i, string.Empty, heading: false);
                    }
                }
                foreach (var child in container)
                {
                    Visit(child, lines);
                }
                break;
        }
    }

    /// <summary>
    /// Appends the visible text of <paramref name="inline"/>: to <paramref name="single"/>, or per source line to
    /// <paramref name="byLine"/>.
    /// </summary>
    private static void AppendInlines(ContainerInline? inline, StringBuilder? single, Dictionary<int, StringBuilder>? byLine, int firstLine)
    {
        if (inline is null)
        {
            return;
        }
        foreach (var child in inline)
        {
            string? text = child switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                AutolinkInline autolink => autolink.Url,
                // Tags of inline HTML are markup; the text between them is literal text and stays.
                HtmlInline => string.Empty,
                LineBreakInline => string.Empty,
                _ => null,
            };
            if (text is not null)
            {
                Target(child.Line).Append(text);
                continue;
            }
            if (child is LinkInline { IsImage: true })
            {
                continue;
            }
            if (child is ContainerInline container)
            {
                AppendInlines(container, single, byLine, firstLine);
            }
        }

        StringBuilder Target(int line)
        {
            if (single is not null)
            {
                return single;
            }
            var key = Math.Max(line, firstLine);
            if (!byLine!.TryGetValue(key, out var builder))
            {
                builder = new StringBuilder();
                byLine[key] = builder;
            }
            return builder;
        }
    }

    /// <summary>An HTML block's lines as their text: tags, attributes, comments, scripts and styles removed.</summary>
    private static void ReduceHtml(HtmlBlock html, LineSet lines)
    {
        var opener = lines.Text(html.Line).TrimStart();
        var dropContent = html.Type is HtmlBlockType.Comment or HtmlBlockType.ProcessingInstruction
            or HtmlBlockType.DocumentType or HtmlBlockType.CData
            || (html.Type == HtmlBlockType.ScriptPreOrStyle && !opener.StartsWith("<pre", StringComparison.OrdinalIgnoreCase));
        for (var i = html.Line; i <= lines.EndLine(html); i++)
        {
            if (dropContent)
            {
                lines.Clear(i, i);
                continue;
            }
            var stripped = CommentPattern().Replace(lines.Text(i), string.Empty);
            stripped = TagPattern().Replace(stripped, " ");
            lines.Set(i, WebUtility.HtmlDecode(stripped).Trim(), heading: false);
        }
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)[ \t#]*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+\S", RegexOptions.Multiline)]
    private static partial Regex AnyHeadingPattern();

    [GeneratedRegex(@"^(?<key>[\p{L}_][\p{L}\p{N}_\-]*)\s*:\s*(?<value>.*)$")]
    private static partial Regex FrontMatterPattern();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"<!--.*?(-->|$)")]
    private static partial Regex CommentPattern();

    /// <summary>The file's lines, each replaced by its text once a block claims it.</summary>
    private sealed partial class LineSet(string[] raw, string joined)
    {
        /// <summary>The 0-based line of the first character of <paramref name="block"/>.</summary>
        public int StartLine(Block block) =>
            Math.Min(raw.Length - 1, joined.AsSpan(0, Math.Clamp(block.Span.Start, 0, joined.Length)).Count('\n'));

        /// <summary>The 0-based line of the last character of <paramref name="block"/>.</summary>
        public int EndLine(Block block) =>
            Math.Min(raw.Length - 1, joined.AsSpan(0, Math.Clamp(block.Span.End, 0, joined.Length)).Count('\n'));

        private readonly string[] _text = (string[])raw.Clone();
        private readonly bool[] _heading = new bool[raw.Length];
        private readonly bool[] _row = new bool[raw.Length];

        public int Count => raw.Length;

        public string Text(int line) => line < raw.Length ? raw[line] : string.Empty;

        /// <summary>The line's text as the blocks read so far left it.</summary>
        public string Current(int line) => line < raw.Length ? _text[line] : string.Empty;

        /// <summary>The leading tabs and spaces of the source line (a tab-led line is a table cell).</summary>
        public string Indent(int line)
        {
            if (line >= raw.Length)
            {
                return string.Empty;
            }
            var source = raw[line];
            var length = 0;
            while (length < source.Length && source[length] is '\t' or ' ')
            {
                length++;
            }
            return source[..length];
        }

        public void Set(int line, string text, bool heading, bool row = false)
        {
            if (line >= 0 && line < raw.Length)
            {
                _text[line] = text;
                _heading[line] = heading;
                _row[line] = row;
            }
        }

        public void Clear(int from, int to)
        {
            for (var i = Math.Max(0, from); i <= to && i < raw.Length; i++)
            {
                Set(i, string.Empty, heading: false);
            }
        }

        public bool IsSetextUnderline(int line) => line < raw.Length && SetextUnderlinePattern().IsMatch(raw[line]);

        public bool IsFence(int line) => line < raw.Length && FencePattern().IsMatch(raw[line]);

        public bool IsDelimiterRow(int line) => line < raw.Length && DelimiterRowPattern().IsMatch(raw[line]);

        public List<SourceLine> ToSourceLines()
        {
            var result = new List<SourceLine>(raw.Length);
            for (var i = 0; i < raw.Length; i++)
            {
                result.Add(new SourceLine(i + 1, _text[i], _heading[i], IsCell: _text[i].StartsWith('\t'), IsRow: _row[i]));
            }
            return result;
        }

        [GeneratedRegex(@"^ {0,3}(=+|-+)\s*$")]
        private static partial Regex SetextUnderlinePattern();

        [GeneratedRegex(@"^ {0,3}(```+|~~~+)\s*$")]
        private static partial Regex FencePattern();

        [GeneratedRegex(@"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")]
        private static partial Regex DelimiterRowPattern();
    }
}

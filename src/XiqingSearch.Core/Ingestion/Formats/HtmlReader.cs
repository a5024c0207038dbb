using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Saved web pages with AngleSharp: the article's text (the <c>main</c> element, else a single <c>article</c>, else
/// the body) without navigation, page header and footer, sidebars, forms, scripts or styles. Each block (<c>p</c>,
/// <c>li</c>, <c>div</c> with text…) is its own paragraph, <c>h1</c>–<c>h6</c> are headings (their level from their
/// form), a table row is one line of cells joined with <c> | </c>, and <c>br</c> is a wrapped line. The charset
/// comes from the BOM or the page's <c>meta</c>, else UTF-8.
/// </summary>
internal sealed class HtmlReader : IDocumentReader
{
    public static HtmlReader Instance { get; } = new();

    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
        "iframe", "svg", "canvas", "object", "head", "title", "menu", "dialog",
    };

    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure",
        "figcaption", "address", "center", "table", "thead", "tbody", "tfoot", "caption", "hr", "body",
    };

    public ExtractedDocument Read(byte[] bytes, IngestLimits limits) => new(Extract(bytes), DocumentFacts.None);

    /// <summary>The lines alone, within the default limits.</summary>
    public IReadOnlyList<SourceLine> ReadLines(byte[] bytes) => Read(bytes, IngestLimits.Default).Lines;

    private static IReadOnlyList<SourceLine> Extract(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var document = new HtmlParser().ParseDocument(stream);
        var root = document.QuerySelector("main, [role=main]")
            ?? (document.QuerySelectorAll("article") is { Length: 1 } articles ? articles[0] : null)
            ?? document.Body
            ?? document.DocumentElement;
        var walker = new Walker();
        walker.Walk(root);
        walker.Flush(endsBlock: true);
        return walker.Lines;
    }

    private sealed class Walker
    {
        private readonly StringBuilder _buffer = new();

        public List<SourceLine> Lines { get; } = [];

        public void Walk(INode node)
        {
            if (node is IText text)
            {
                _buffer.Append(text.Data);
                return;
            }
            if (node is not IElement element)
            {
                return;
            }
            var name = element.LocalName;
            if (IsHidden(element) || (s_skipped.Contains(name) && element.LocalName != "body"))
            {
                return;
            }
            switch (name)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    Flush(endsBlock: true);
                    _buffer.Append(element.TextContent);
                    Flush(endsBlock: true, heading: true);
                    return;
                case "tr":
                    Flush(endsBlock: true);
                    var cells = element.Children.Where(c => c.LocalName is "td" or "th")
                        .Select(c => Collapse(c.TextContent)).Where(c => c.Length > 0);
                    Add(string.Join(" | ", cells), endsBlock: true, heading: false, isRow: true);
                    return;
                case "br":
                    Flush(endsBlock: false);
                    return;
                case "pre":
                    Flush(endsBlock: true);
                    foreach (var line in element.TextContent.ReplaceLineEndings("\n").Split('\n'))
                    {
                        Add(line, endsBlock: false, heading: false, isRow: false);
                    }
                    Flush(endsBlock: true);
                    return;
            }
            var block = s_blocks.Contains(name);
            if (block)
            {
                Flush(endsBlock: true);
            }
            foreach (var child in element.ChildNodes)
            {
                Walk(child);
            }
            if (block)
            {
                Flush(endsBlock: true);
            }
        }

        public void Flush(bool endsBlock, bool heading = false)
        {
            var text = Collapse(_buffer.ToString());
            _buffer.Clear();
            if (text.Length > 0)
            {
                Add(text, endsBlock, heading, isRow: false);
            }
            else if (endsBlock && Lines.Count > 0 && !Lines[^1].EndsBlock)
            {
                Lines[^1] = Lines[^1] with { EndsBlock = true };
            }
        }

        private void Add(string text, bool endsBlock, bool heading, bool isRow)
        {
            var cleaned = ExtractedText.Clean(text).Trim();
            if (cleaned.Length > 0)
            {
                Lines.Add(new SourceLine(Lines.Count + 1, cleaned, heading, IsCell: false, EndsBlock: endsBlock, IsRow: isRow));
            }
        }

        private static bool IsHidden(IElement element) =>
            element.HasAttribute("hidden")
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
            || element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary" or "search"
            || (element.GetAttribute("style") ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal)
                .Contains("display:none", StringComparison.OrdinalIgnoreCase);

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

using AngleSharp.Dom;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// What each element of a parsed page holds, measured in one pass from the leaves up (so the cost is the size of
/// the page, whatever its nesting): its visible characters, how many of them are link text, its sentence
/// punctuation, its links (and links to attached files), and its content score (see <see cref="HtmlContent"/>).
/// The pass also refuses a tree deeper than <see cref="IngestLimits.MaxNestingDepth"/>.
/// </summary>
internal sealed class HtmlPage
{
    private readonly Dictionary<IElement, ElementStats> _stats = new(ReferenceEqualityComparer.Instance);
    private readonly int _maxDepth;

    private HtmlPage(IDocument document, int maxDepth)
    {
        Document = document;
        _maxDepth = maxDepth;
    }

    public IDocument Document { get; }

    /// <summary>The content score each element gathered from the paragraphs below it (see <see cref="HtmlContent"/>).</summary>
    public Dictionary<IElement, double> Scores { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Measures <paramref name="document"/>; throws when it nests deeper than the limit.</summary>
    public static HtmlPage Measure(IDocument document, IngestLimits limits)
    {
        var page = new HtmlPage(document, limits.MaxNestingDepth);
        if (document.DocumentElement is { } root)
        {
            page.Visit(root, 1, inLink: false);
        }
        return page;
    }

    public ElementStats Stats(IElement element) =>
        _stats.TryGetValue(element, out var stats) ? stats : ElementStats.Empty;

    /// <summary>The reason a page deeper than <paramref name="limit"/> elements is not read.</summary>
    public static UnreadableDocumentException TooDeep(int limit) =>
        new(ProblemCodes.DocumentTooLarge, null,
            $"HTML nested deeper than {limit} elements (limit Ingestion:MaxNestingDepth)");

    private ElementStats Visit(IElement element, int depth, bool inLink)
    {
        if (depth > _maxDepth)
        {
            throw TooDeep(_maxDepth);
        }
        var stats = new ElementStats();
        if (HtmlRules.IsInvisible(element))
        {
            _stats[element] = stats;
            return stats;
        }
        var isLink = element.LocalName == "a";
        if (isLink)
        {
            stats.Links = 1;
            if (HtmlRules.IsAttachmentLink(element.GetAttribute("href")))
            {
                stats.AttachmentLinks = 1;
            }
        }
        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText text)
            {
                var (visible, punctuation) = HtmlRules.Count(text.Data);
                stats.Text += visible;
                stats.Punctuation += punctuation;
                stats.OwnText += visible;
                stats.OwnPunctuation += punctuation;
                if (inLink || isLink)
                {
                    stats.LinkText += visible;
                }
            }
            else if (child is IElement childElement)
            {
                var inner = Visit(childElement, depth + 1, inLink || isLink);
                stats.Text += inner.Text;
                stats.LinkText += inner.LinkText;
                stats.Punctuation += inner.Punctuation;
                stats.Links += inner.Links;
                stats.AttachmentLinks += inner.AttachmentLinks;
                stats.Tables += inner.Tables + (childElement.LocalName == "table" ? 1 : 0);
                if (!HtmlRules.IsBlock(childElement.LocalName))
                {
                    // Inline children (span, font, strong) are part of this element's own paragraph text.
                    stats.OwnText += inner.OwnText;
                    stats.OwnPunctuation += inner.OwnPunctuation;
                }
            }
        }
        _stats[element] = stats;
        HtmlContent.Score(this, element, stats);
        return stats;
    }
}

/// <summary>The measures of one element (see <see cref="HtmlPage"/>); characters are non-whitespace.</summary>
internal sealed class ElementStats
{
    public static readonly ElementStats Empty = new();

    /// <summary>Visible characters in the whole subtree.</summary>
    public int Text { get; set; }

    /// <summary>Visible characters inside links.</summary>
    public int LinkText { get; set; }

    /// <summary>Sentence punctuation (，。；：、！？ and their ASCII forms) in the subtree.</summary>
    public int Punctuation { get; set; }

    /// <summary>Characters of the element's own paragraph: its text and that of its inline children.</summary>
    public int OwnText { get; set; }

    public int OwnPunctuation { get; set; }

    public int Links { get; set; }

    /// <summary>Links to attached files (.pdf, .doc, .xls…), which are part of a document, not navigation.</summary>
    public int AttachmentLinks { get; set; }

    /// <summary>Tables inside the element.</summary>
    public int Tables { get; set; }

    public double LinkDensity => Text == 0 ? 0 : (double)LinkText / Text;
}

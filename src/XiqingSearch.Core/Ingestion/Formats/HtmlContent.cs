using AngleSharp.Dom;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Finds the element that holds a page's document, the way Readability does but in linear time and tuned for
/// Chinese: every paragraph (an element with at least 20 characters of its own text) scores 1 + its sentence
/// punctuation (，。；、…) + one per 100 characters (at most 3), added whole to its parent and half to its
/// grandparent. An element's final score is that sum times (1 − its link density), so menus and link lists lose;
/// elements with the id or class of known CMS content boxes (gov.cn <c>UCAP-CONTENT</c>, <c>pages_content</c>,
/// TRS <c>TRS_Editor</c>, <c>zoom</c>, <c>article</c>, <c>content</c>…) get half as much again. The best element
/// is then widened to its parent while the parent adds little text (at most half as much again) or prose (one sentence
/// mark per 20 characters): that takes in the title above the body and a document split over sibling boxes or
/// table cells, but not the menus and footers around it. A page with no paragraph is read whole.
/// </summary>
internal static class HtmlContent
{
    private const int MinParagraph = 20;

    private static readonly HashSet<string> s_contentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ucap-content", "pages_content", "trs_editor", "trs_editorp", "article", "article-content", "articlecontent",
        "article_content", "zoom", "content", "main-content", "maincontent", "detail", "detail-content",
        "detail_content", "xl_content", "xlcontent", "zw", "zwnr", "news_content", "text", "body-text", "wenzhang",
        "con", "view", "editor", "govdata", "entry-content", "post-content", "post",
    };

    /// <summary>Adds the score of <paramref name="element"/> as a paragraph to its parent and grandparent.</summary>
    public static void Score(HtmlPage page, IElement element, ElementStats stats)
    {
        if (stats.OwnText < MinParagraph || element.LocalName is "a" or "body" or "html")
        {
            return;
        }
        var score = 1 + stats.OwnPunctuation + Math.Min(stats.OwnText / 100, 3);
        if (element.ParentElement is { } parent)
        {
            page.Scores[parent] = page.Scores.GetValueOrDefault(parent) + score;
            if (parent.ParentElement is { } grandparent)
            {
                page.Scores[grandparent] = page.Scores.GetValueOrDefault(grandparent) + (score / 2.0);
            }
        }
    }

    /// <summary>The element holding the document, or the body when no element scored.</summary>
    public static IElement FindRoot(HtmlPage page)
    {
        var document = page.Document;
        var fallback = document.Body ?? document.DocumentElement;
        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (element, score) in page.Scores)
        {
            var stats = page.Stats(element);
            var final = score * (1 - stats.LinkDensity);
            if (IsKnownContent(element))
            {
                final *= 1.5;
            }
            if (final > bestScore)
            {
                best = element;
                bestScore = final;
            }
        }
        if (best is null)
        {
            return fallback;
        }
        while (best.ParentElement is { } parent && parent.LocalName is not ("body" or "html") && AddsContent(page, best, parent))
        {
            best = parent;
        }
        return best;
    }

    /// <summary>
    /// True when <paramref name="parent"/> adds little text to <paramref name="element"/> (at most half as much again), or
    /// text as dense in sentence punctuation as prose (one mark per 20 characters): the title, date and the rest of
    /// a document split over sibling boxes, not menus and footers.
    /// </summary>
    private static bool AddsContent(HtmlPage page, IElement element, IElement parent)
    {
        var inner = page.Stats(element);
        var outer = page.Stats(parent);
        var added = (outer.Text - outer.LinkText) - (inner.Text - inner.LinkText);
        var punctuation = outer.Punctuation - inner.Punctuation;
        return added * 2 <= inner.Text - inner.LinkText || punctuation * 20 >= added;
    }

    private static bool IsKnownContent(IElement element) =>
        (element.Id is { } id && s_contentWords.Contains(id))
        || (element.GetAttribute("class") is { } classes
            && classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s_contentWords.Contains));
}

using System.Text.RegularExpressions;
using AngleSharp.Dom;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// What the page reader treats specially: which elements are blocks, which are never text (scripts, navigation,
/// hidden), which are bold, which links point at attached files, and which lines are web furniture (breadcrumbs,
/// share/print/font-size controls, related links, footers) rather than the document.
/// </summary>
internal static partial class HtmlRules
{
    private static readonly HashSet<string> s_blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure",
        "figcaption", "address", "center", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "hr",
        "body", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav", "aside", "form", "html",
    };

    private static readonly HashSet<string> s_neverText = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "button", "select", "option", "textarea", "input", "iframe",
        "svg", "canvas", "object", "embed", "head", "title", "meta", "link", "dialog", "map", "audio", "video",
    };

    /// <summary>Page regions that are never the document (HTML5 sectioning for site chrome).</summary>
    private static readonly HashSet<string> s_chrome = new(StringComparer.Ordinal)
    {
        "nav", "header", "footer", "aside", "form", "menu",
    };

    /// <summary>Class and id words of site chrome, matched as whole words of the attribute.</summary>
    private static readonly HashSet<string> s_chromeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "share", "bdshare",
        "print", "footer", "foot", "copyright", "related", "relevant", "sidebar", "toolbar", "qrcode", "qr", "ewm",
        "fontsize", "topbar", "header", "banner", "xgxw", "xglj", "xgwj", "xgbd",
    };

    private static readonly string[] s_attachmentExtensions =
        [".pdf", ".doc", ".docx", ".wps", ".ofd", ".xls", ".xlsx", ".et", ".ppt", ".pptx", ".zip", ".rar", ".txt"];

    /// <summary>Words of share, print and font-size controls; a line made only of them is furniture.</summary>
    private static readonly string[] s_controlWords =
    [
        "打印本页", "关闭窗口", "加入收藏", "返回顶部", "分享到", "扫一扫", "打印", "关闭", "收藏", "分享", "下载", "全屏",
        "字号", "字体", "默认", "大", "中", "小", "微信", "微博", "QQ空间", "QQ", "返回", "顶部", "【", "】", "[", "]",
        "：", ":", "|", "｜", "/", "·", "•",
    ];

    public static bool IsBlock(string localName) => s_blocks.Contains(localName);

    /// <summary>Elements whose content is never text a reader sees: scripts, styles, hidden, controls.</summary>
    public static bool IsInvisible(IElement element) =>
        s_neverText.Contains(element.LocalName)
        || element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || StyleSays(element, "display:none")
        || StyleSays(element, "visibility:hidden");

    /// <summary>
    /// Site chrome: navigation, page header and footer, sidebars, share and print bars, related-link boxes, by tag,
    /// ARIA role or class/id word. An element holding much sentence text (≥ 10 punctuation marks and 200
    /// characters) is never chrome by its class alone, so a content box named <c>print-content</c> stays.
    /// </summary>
    public static bool IsChrome(IElement element, ElementStats stats)
    {
        if (s_chrome.Contains(element.LocalName)
            || element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary" or "search")
        {
            return true;
        }
        if (stats.Punctuation >= 10 && stats.Text >= 200)
        {
            return false;
        }
        return HasWord(element.GetAttribute("class"), s_chromeWords) || HasWord(element.Id, s_chromeWords);
    }

    /// <summary>
    /// A list of links (≥ 3 links, ≥ 70% of the text link text, not links to attached files): related articles,
    /// "more" lists, site maps.
    /// </summary>
    public static bool IsLinkList(ElementStats stats) =>
        stats.Links >= 3 && stats.LinkDensity >= 0.7 && stats.AttachmentLinks * 2 < stats.Links;

    /// <summary>
    /// A related-articles caption standing alone (<c>关联稿件：</c>, <c>相关文章</c>, <c>相关链接</c>…): the list of links
    /// after it is other pages, not this document.
    /// </summary>
    public static bool IsRelatedCaption(IElement element, ElementStats stats) =>
        stats.Links == 0 && stats.Text is > 0 and <= 12 && RelatedCaptionPattern().IsMatch(LeadingText(element, 13));

    /// <summary>
    /// A related-articles box: it starts with a related caption (<see cref="IsRelatedCaption"/>) and what follows
    /// the caption is mostly link text (one or two links too, which <see cref="IsLinkList"/> lets through). Only the
    /// leading characters are read, so the test stays cheap on large elements.
    /// </summary>
    public static bool IsRelatedBlock(IElement element, ElementStats stats)
    {
        if (stats.Links == 0 || stats.Text > 2000)
        {
            return false;
        }
        var lead = LeadingText(element, 12);
        var match = RelatedCaptionStartPattern().Match(lead);
        if (!match.Success)
        {
            return false;
        }
        var rest = stats.Text - match.Length;
        return rest > 0 && stats.LinkText * 2 >= rest;
    }

    /// <summary>
    /// The line without its page statistics (<c>访问量：1632</c>, <c>浏览次数：35次</c>, <c>点击数：</c> filled by a
    /// script): a counter of visits is the page's, not the document's. Only short lines are touched, so a
    /// sentence of the body that reports visits keeps them.
    /// </summary>
    public static string WithoutStatistics(string text) =>
        text.Length > 120 ? text : StatisticsPattern().Replace(text, " ");

    /// <summary>True for <c>b</c>, <c>strong</c> and an element whose style sets a bold weight.</summary>
    public static bool IsBold(IElement element) =>
        element.LocalName is "b" or "strong"
        || (element.GetAttribute("style") is { } style && BoldStylePattern().IsMatch(style));

    public static bool IsAttachmentLink(string? href)
    {
        if (string.IsNullOrEmpty(href))
        {
            return false;
        }
        var path = href.Split('?', '#')[0];
        return s_attachmentExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// True when the line (whitespace removed) is web furniture: a breadcrumb (<c>当前位置：首页 &gt; …</c>), share,
    /// print and font-size controls (<c>【字号：大 中 小】 打印 关闭</c>), a QR-code prompt (<c>扫一扫在手机打开当前页</c>),
    /// previous/next links (<c>上一篇</c>), a related-links caption (<c>相关报道：</c>), the editor and hit counter, or a
    /// footer line (<c>版权所有</c>, ICP 备案号, <c>网站标识码</c>, <c>主办单位：</c>).
    /// </summary>
    public static bool IsFurnitureLine(string squeezed)
    {
        if (squeezed.Length == 0)
        {
            return false;
        }
        if (squeezed.Length <= 200 && (LocationPattern().IsMatch(squeezed) || BreadcrumbPattern().IsMatch(squeezed)))
        {
            return true;
        }
        if (squeezed.Length <= 120 && (FooterPattern().IsMatch(squeezed) || LeadPattern().IsMatch(squeezed)))
        {
            return true;
        }
        if (squeezed.Length <= 80 && squeezed.Contains("字号", StringComparison.Ordinal) && FontSizePattern().IsMatch(squeezed))
        {
            return true;
        }
        if (squeezed.Length <= 40 && squeezed.Contains("扫一扫", StringComparison.Ordinal))
        {
            return true;
        }
        return squeezed.Length <= 40 && OnlyControls(squeezed);
    }

    /// <summary>Visible (non-whitespace) characters of <paramref name="text"/> and its sentence punctuation.</summary>
    public static (int Visible, int Punctuation) Count(string text)
    {
        var visible = 0;
        var punctuation = 0;
        foreach (var c in text)
        {
            if (DisplayTextCleaner.IsSpace(c))
            {
                continue;
            }
            visible++;
            if (c is '，' or '。' or '；' or '：' or '、' or '！' or '？' or ',' or ';' or '!' or '?')
            {
                punctuation++;
            }
        }
        return (visible, punctuation);
    }

    /// <summary>The first <paramref name="count"/> visible characters under <paramref name="element"/>, skipping
    /// scripts and hidden elements.</summary>
    private static string LeadingText(IElement element, int count)
    {
        var builder = new System.Text.StringBuilder(count);
        Collect(element, builder, count);
        return builder.ToString();

        static void Collect(INode node, System.Text.StringBuilder builder, int count)
        {
            for (var child = node.FirstChild; child is not null && builder.Length < count; child = child.NextSibling)
            {
                if (child is IText text)
                {
                    foreach (var c in text.Data)
                    {
                        if (!DisplayTextCleaner.IsSpace(c) && builder.Length < count)
                        {
                            builder.Append(c);
                        }
                    }
                }
                else if (child is IElement inner && !IsInvisible(inner))
                {
                    Collect(inner, builder, count);
                }
            }
        }
    }

    private static bool OnlyControls(string squeezed)
    {
        var rest = squeezed;
        foreach (var word in s_controlWords)
        {
            rest = rest.Replace(word, string.Empty, StringComparison.Ordinal);
            if (rest.Length == 0)
            {
                return true;
            }
        }
        return false;
    }

    private static bool StyleSays(IElement element, string declaration) =>
        element.GetAttribute("style") is { } style
        && style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(declaration, StringComparison.OrdinalIgnoreCase);

    private static bool HasWord(string? attribute, HashSet<string> words)
    {
        if (string.IsNullOrEmpty(attribute))
        {
            return false;
        }
        foreach (var word in attribute.Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Contains(word))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"font-weight\s*:\s*(bold|bolder|[6-9]00)", RegexOptions.IgnoreCase)]
    private static partial Regex BoldStylePattern();

    [GeneratedRegex(@"^(当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置|当前页面)[：:]?")]
    private static partial Regex LocationPattern();

    [GeneratedRegex(@"^(网站)?首页[>＞»›/]")]
    private static partial Regex BreadcrumbPattern();

    [GeneratedRegex(@"版权所有|ICP备|ICP证|网站标识码|公网安备|^(主办单位|承办单位|协办单位|技术支持|维护单位|主办|承办)[：:]|^Copyright|^©|网站地图|^联系我们|^(浏览次数|阅读次数|访问次数|点击数|点击率)[：:]", RegexOptions.IgnoreCase)]
    private static partial Regex FooterPattern();

    [GeneratedRegex(@"^(上一篇|下一篇|上一条|下一条|责任编辑|关联稿件|关联文件|关联文章|相关报道|相关链接|相关阅读|相关稿件|相关新闻|相关文件|相关解读|相关政策|相关文章|延伸阅读|推荐阅读|热点推荐)([：:]|$)")]
    private static partial Regex LeadPattern();

    private const string RelatedWords = "关联稿件|关联文件|关联文章|相关稿件|相关文章|相关链接|相关阅读|相关报道|相关新闻|相关文件|相关解读|相关政策|延伸阅读|推荐阅读";

    [GeneratedRegex("^(" + RelatedWords + ")[：:]?$")]
    private static partial Regex RelatedCaptionPattern();

    [GeneratedRegex("^(" + RelatedWords + ")[：:]?")]
    private static partial Regex RelatedCaptionStartPattern();

    [GeneratedRegex(@"(访问量|访问次数|访问人次|浏览量|浏览次数|阅读量|阅读数|阅读次数|点击量|点击数|点击次数|点击率)\s*[：:]\s*[0-9０-９,，]*\s*次?(?=$|\s|[|｜/【\[（(])")]
    private static partial Regex StatisticsPattern();

    [GeneratedRegex(@"字号[：:]?[【\[（(]?(大中小|大|默认|T)")]
    private static partial Regex FontSizePattern();
}

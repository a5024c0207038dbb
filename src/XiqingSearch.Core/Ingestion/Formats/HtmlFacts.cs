using AngleSharp.Dom;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// What a saved page says of its document outside the body text:
/// <list type="bullet">
/// <item>The 政府信息公开 metadata block (gov.cn's table of <c>索 引 号：</c> | value cells, or a list of
/// <c>发文机关：国务院</c> items): labels are read with their spaces and colons (full-width or not) removed; two or
/// more labels in one small block make it metadata, so it is read as facts (标题 → Title, 发文字号/文号 → Number,
/// 发文机关/发布机构 → Issuer, 成文日期 → WrittenDate, 发布日期 → PublishedDate) and not as text.</item>
/// <item><c>meta</c> tags: <c>ArticleTitle</c>/<c>og:title</c> (title), <c>PubDate</c>, <c>publishdate</c>,
/// <c>firstpublishedtime</c>, <c>article:published_time</c> (published), <c>ContentSource</c> (issuer, when the
/// block names none), <c>og:url</c> (source URL).</item>
/// <item>The <c>title</c> element without the site's suffix (<c>…_国务院文件_中国政府网</c> → the first part; cut
/// at <c>_</c>, <c>|</c>, <c> - </c>, <c>——</c>) when nothing better names the document; the canonical link as the
/// source URL.</item>
/// </list>
/// The metadata block wins over <c>meta</c> tags, which win over the <c>title</c> element.
/// </summary>
internal static class HtmlFacts
{
    private enum Field { None, Title, Number, Issuer, Written, Published }

    private static readonly Dictionary<string, Field> s_labels = new(StringComparer.Ordinal)
    {
        ["标题"] = Field.Title,
        ["名称"] = Field.Title,
        ["信息名称"] = Field.Title,
        ["文件名称"] = Field.Title,
        ["发文字号"] = Field.Number,
        ["文号"] = Field.Number,
        ["文件编号"] = Field.Number,
        ["发文文号"] = Field.Number,
        ["发文机关"] = Field.Issuer,
        ["发布机构"] = Field.Issuer,
        ["发文单位"] = Field.Issuer,
        ["发布机关"] = Field.Issuer,
        ["发文机构"] = Field.Issuer,
        ["所属机构"] = Field.Issuer,
        ["制发机关"] = Field.Issuer,
        ["成文日期"] = Field.Written,
        ["成文时间"] = Field.Written,
        ["印发日期"] = Field.Written,
        ["发布日期"] = Field.Published,
        ["发布时间"] = Field.Published,
        ["公开日期"] = Field.Published,
        ["索引号"] = Field.None,
        ["主题分类"] = Field.None,
        ["主题词"] = Field.None,
        ["体裁分类"] = Field.None,
        ["组配分类"] = Field.None,
        ["公开方式"] = Field.None,
        ["公开范围"] = Field.None,
        ["有效性"] = Field.None,
        ["效力状态"] = Field.None,
        ["实施日期"] = Field.None,
        ["废止日期"] = Field.None,
        ["信息分类"] = Field.None,
        ["公文种类"] = Field.None,
        ["服务对象"] = Field.None,
        ["统一编号"] = Field.None,
        ["登记号"] = Field.None,
        ["生成日期"] = Field.None,
        ["公开形式"] = Field.None,
        ["公开时限"] = Field.None,
        ["有效期"] = Field.None,
    };

    /// <summary>Longest label-and-value item read as metadata, in visible characters.</summary>
    private const int MaxItem = 300;

    /// <summary>Largest block removed whole as metadata, in visible characters.</summary>
    private const int MaxBlock = 1500;

    /// <summary>Reads the facts of <paramref name="page"/>; the metadata blocks go into <paramref name="consumed"/>.</summary>
    public static DocumentFacts Read(HtmlPage page, HashSet<IElement> consumed)
    {
        var document = page.Document;
        var found = new Dictionary<Field, string>();
        var blocks = new Dictionary<IElement, (HashSet<string> Labels, List<(Field Field, string Value, IElement Item)> Items)>(
            ReferenceEqualityComparer.Instance);
        foreach (var element in document.QuerySelectorAll("td, th, li, dt, dd, p, span, div, b, strong, label"))
        {
            var stats = page.Stats(element);
            if (stats.Text is 0 or > MaxItem || HasBlockChild(element))
            {
                continue;
            }
            var item = ReadItem(element);
            if (item is null)
            {
                continue;
            }
            var (label, field, value, valueElement) = item.Value;
            var container = Container(element);
            if (container is null)
            {
                continue;
            }
            if (!blocks.TryGetValue(container, out var block))
            {
                block = ([], []);
                blocks[container] = block;
            }
            block.Labels.Add(label);
            block.Items.Add((field, value, element));
            if (valueElement is not null)
            {
                block.Items.Add((Field.None, string.Empty, valueElement));
            }
        }
        foreach (var (container, block) in blocks)
        {
            if (block.Labels.Count < 2)
            {
                // A block holding one label and nothing else (gov.cn's "主 题 词：" row with an empty value) is
                // metadata too, but one label is too little to take values from.
                if (page.Stats(container).Text <= block.Items.Sum(i => page.Stats(i.Item).Text) + 4)
                {
                    consumed.Add(container);
                }
                continue;
            }
            foreach (var (field, value, _) in block.Items)
            {
                if (field != Field.None && Meaningful(value))
                {
                    found.TryAdd(field, value);
                }
            }
            if (page.Stats(container).Text <= MaxBlock)
            {
                consumed.Add(container);
            }
            else
            {
                foreach (var (_, _, item) in block.Items)
                {
                    consumed.Add(item);
                }
            }
        }

        var meta = ReadMeta(document);
        var title = found.GetValueOrDefault(Field.Title) ?? meta.GetValueOrDefault("articletitle")
            ?? meta.GetValueOrDefault("og:title") ?? TitleWithoutSite(document.Title);
        var published = FactDates.Parse(found.GetValueOrDefault(Field.Published));
        foreach (var name in (string[])["pubdate", "publishdate", "firstpublishedtime", "article:published_time",
            "og:article:published_time", "dc.date.issued", "dc.date", "publish_date", "publishtime"])
        {
            published ??= FactDates.Parse(meta.GetValueOrDefault(name));
        }
        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        return new DocumentFacts
        {
            Title = Clean(title),
            Number = Clean(found.GetValueOrDefault(Field.Number)),
            Issuer = Clean(found.GetValueOrDefault(Field.Issuer) ?? meta.GetValueOrDefault("contentsource")),
            WrittenDate = FactDates.Parse(found.GetValueOrDefault(Field.Written)),
            PublishedDate = published,
            SourceUrl = AbsoluteUrl(canonical) ?? AbsoluteUrl(meta.GetValueOrDefault("og:url")),
        };
    }

    /// <summary>
    /// The <c>title</c> element's first part, before the site's name: <c>…的通知_国务院文件_中国政府网</c> → the
    /// notice; null when it is empty.
    /// </summary>
    public static string? TitleWithoutSite(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        var cut = title.Length;
        foreach (var separator in (string[])["_", "|", "｜", " - ", " – ", " — ", "——", "－"])
        {
            var at = title.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && at < cut)
            {
                cut = at;
            }
        }
        var first = title[..cut].Trim();
        return first.Length > 0 ? first : null;
    }

    /// <summary>
    /// A label-and-value item: a cell holding only a label (the value is the next cell), or an element whose text
    /// is <c>label：value</c>.
    /// </summary>
    private static (string Label, Field Field, string Value, IElement? ValueElement)? ReadItem(IElement element)
    {
        var text = Collapse(element.TextContent);
        var squeezed = DisplayTextCleaner.Squeeze(text);
        var bare = squeezed.TrimEnd('：', ':');
        if (s_labels.TryGetValue(bare, out var field))
        {
            var next = element.NextElementSibling;
            return next is null ? null : (bare, field, Collapse(next.TextContent), next);
        }
        var colon = text.IndexOfAny(['：', ':']);
        if (colon <= 0)
        {
            return null;
        }
        var label = DisplayTextCleaner.Squeeze(text[..colon]);
        return s_labels.TryGetValue(label, out field) ? (label, field, text[(colon + 1)..].Trim(), null) : null;
    }

    /// <summary>The block an item belongs to: the table of a cell, else the item's parent.</summary>
    private static IElement? Container(IElement item)
    {
        if (item.LocalName is "td" or "th")
        {
            return item.Closest("table");
        }
        var parent = item.ParentElement;
        // A label in a <b> or <span> inside a cell or list item belongs to that item's block.
        while (parent is not null && !HtmlRules.IsBlock(parent.LocalName))
        {
            parent = parent.ParentElement;
        }
        return parent is null ? null : parent.LocalName is "td" or "th" ? parent.Closest("table") : parent;
    }

    private static bool HasBlockChild(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (HtmlRules.IsBlock(child.LocalName) && child.LocalName is not "br")
            {
                return true;
            }
        }
        return false;
    }

    private static Dictionary<string, string> ReadMeta(IDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var name = element.GetAttribute("name") ?? element.GetAttribute("property");
            var content = element.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(name) && !string.IsNullOrWhiteSpace(content))
            {
                meta.TryAdd(name.Trim(), content.Trim());
            }
        }
        return meta;
    }

    private static bool Meaningful(string value) =>
        DisplayTextCleaner.Squeeze(value) is { Length: > 0 } squeezed && squeezed is not ("无" or "-" or "—" or "/");

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var cleaned = DisplayTextCleaner.Clean(ExtractedText.Clean(value)).Trim();
        return cleaned.Length == 0 || !Meaningful(cleaned) ? null : cleaned;
    }

    private static string? AbsoluteUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.ToString() : null;

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

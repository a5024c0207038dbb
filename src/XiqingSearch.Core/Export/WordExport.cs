using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Model;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace XiqingSearch.Core.Export;

/// <summary>
/// Search hits and comparisons as a Word document (.docx), the one writer <c>xiqing search|compare --format docx</c>
/// and <c>GET /api/search|compare?format=docx</c> use. A hit list states the query and its filters at the top, then
/// per hit its document's title, the year, chapter, page (or paragraph number where the source has no pages) and
/// the paragraph's whole text with every occurrence highlighted (yellow, bold: a run of its own per occurrence,
/// nothing else highlighted). A comparison is a table: one row per phrase, one column per year (occurrences and,
/// in brackets, per 10,000 characters), then the total; above it where a multi-year plan was counted.
/// </summary>
/// <remarks>
/// The text is Chinese: runs name an East Asian font (宋体 / SimSun, Word's default for zh-CN; any CJK font where
/// it is missing) and the document's language is zh-CN, so Word and LibreOffice break lines and choose fonts as for
/// Chinese. Characters XML cannot hold (controls other than tab and line breaks) are left out of the text.
/// </remarks>
public static class WordExport
{
    /// <summary>The media type of a .docx file.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The highlight colour of an occurrence.</summary>
    public static readonly HighlightColorValues Highlight = HighlightColorValues.Yellow;

    private const string EastAsianFont = "SimSun";
    private const string LatinFont = "Times New Roman";

    /// <summary>Writes the hits of <paramref name="response"/> (all of them: ask the engine with <c>All</c>) for <paramref name="request"/>.</summary>
    public static void WriteHits(SearchRequest request, SearchResponse response, Stream output)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        Write(output, body =>
        {
            body.Append(Text("检索结果：" + response.Query, size: 32, bold: true));
            body.Append(Text("查询：" + response.Query));
            body.Append(Text("筛选：" + Filters(request)));
            body.Append(Text(string.Create(CultureInfo.InvariantCulture,
                $"共 {response.TotalHits} 段，{response.TotalOccurrences} 处匹配（匹配处以黄色标出）。"), italic: true));
            foreach (var hit in response.Hits)
            {
                body.Append(Text(hit.Title, size: 26, bold: true, keepNext: true, spaceBefore: 240));
                body.Append(Text(Where(hit), size: 20, italic: true, keepNext: true));
                body.Append(Highlighted(hit.Text, hit.Highlights));
            }
        });
    }

    /// <summary>Writes <paramref name="result"/> as a table.</summary>
    public static void WriteCompare(CompareResult result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        Write(output, body =>
        {
            body.Append(Text("逐年对比：" + string.Join("、", result.Phrases), size: 32, bold: true));
            body.Append(Text(result.MultiYearNote));
            body.Append(Text("每格：出现次数（每万字出现次数）。"));
            if (result.UnknownYearParagraphs > 0)
            {
                body.Append(Text(string.Create(CultureInfo.InvariantCulture, $"年份未知的文件有 {result.UnknownYearParagraphs} 段，未计入。")));
            }
            var table = new Table(new TableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
            var columns = result.Rows.Count == 0
                ? [.. result.Years.Select(Number)]
                : result.Rows[0].Cells.Select(cell => cell.Period ?? Number(cell.Year)).ToList();
            table.Append(Row(["短语", .. columns, "合计"], header: true));
            foreach (var row in result.Rows)
            {
                table.Append(Row([row.Phrase, .. row.Cells.Select(Cell), Number(row.Total)], header: false));
            }
            body.Append(table);
            body.Append(new Paragraph());
        });
    }

    private static void Write(Stream output, Action<Body> fill)
    {
        // The package is made in memory first: a .docx is a zip, whose directory is written last, and the output
        // (an HTTP answer, a pipe) may not seek.
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = EastAsianFont },
                    new FontSize { Val = "22" },
                    new Languages { Val = "zh-CN", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))));
            var body = new Body();
            fill(body);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 }, // A4
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 720, Footer = 720, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
        output.Flush();
    }

    /// <summary>The filters of <paramref name="request"/> in words, or 无 when there are none.</summary>
    internal static string Filters(SearchRequest request)
    {
        var parts = new List<string>();
        void Add(string name, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count > 0)
            {
                parts.Add(name + " " + string.Join("、", list));
            }
        }
        foreach (var filter in RequestDeclarations.Filters)
        {
            // A facet's filter is named as the page names the facet; the two filters without a facet here.
            var label = FacetDeclarations.All.FirstOrDefault(f => f.Filter == filter)?.Label
                ?? (filter.Parameter == RequestDeclarations.Heading ? "标题含" : "段落类型");
            Add(label, filter.Parameter == RequestDeclarations.Year
                ? request.Years.Select(year => year.IsUnknown ? "年份未知" : year.ToString())
                : filter.Values(request.Filters));
        }
        return parts.Count == 0 ? "无" : string.Join("；", parts);
    }

    private static string Where(SearchHit hit)
    {
        var parts = new List<string> { hit.Year is { } year ? Number(year) + "年" : "年份未知" };
        if (hit.Chapter.Count > 0)
        {
            parts.Add("章节：" + ChapterPath.Join(hit.Chapter));
        }
        parts.Add(hit.FirstPage is { } first
            ? hit.LastPage is { } last && last != first ? $"第 {Number(first)}–{Number(last)} 页" : $"第 {Number(first)} 页"
            : "无页码");
        parts.Add($"第 {Number(hit.Paragraph)} 段");
        return string.Join(" · ", parts);
    }

    /// <summary>The paragraph's text as runs, each occurrence a highlighted run of its own.</summary>
    private static Paragraph Highlighted(string text, IReadOnlyList<Problems.TextSpan> highlights)
    {
        var paragraph = new Paragraph();
        var at = 0;
        foreach (var span in highlights.OrderBy(s => s.Start))
        {
            if (span.Start < at || span.End > text.Length || span.Start >= span.End)
            {
                continue; // overlapping or out of the text: never highlight a wrong place
            }
            if (span.Start > at)
            {
                paragraph.Append(Run(text[at..span.Start]));
            }
            var run = Run(text[span.Start..span.End]);
            run.RunProperties = new RunProperties(new Bold(), new Highlight { Val = Highlight });
            paragraph.Append(run);
            at = span.End;
        }
        if (at < text.Length)
        {
            paragraph.Append(Run(text[at..]));
        }
        return paragraph;
    }

    private static Paragraph Text(string text, int? size = null, bool bold = false, bool italic = false, bool keepNext = false,
        int? spaceBefore = null)
    {
        var run = Run(text);
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }
        if (italic)
        {
            properties.Append(new Italic());
        }
        if (size is { } half)
        {
            properties.Append(new FontSize { Val = Number(half) });
        }
        if (properties.HasChildren)
        {
            run.RunProperties = properties;
        }
        var paragraph = new Paragraph(run);
        if (keepNext || spaceBefore is not null)
        {
            paragraph.ParagraphProperties = new ParagraphProperties();
            if (keepNext)
            {
                paragraph.ParagraphProperties.Append(new KeepNext());
            }
            if (spaceBefore is { } before)
            {
                paragraph.ParagraphProperties.Append(new SpacingBetweenLines { Before = Number(before) });
            }
        }
        return paragraph;
    }

    private static Run Run(string text)
    {
        // Line breaks inside a paragraph's text become Word line breaks; characters XML cannot hold are dropped.
        var run = new Run();
        var lines = Clean(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    private static string Clean(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c is not '\t' and not '\n' || char.IsSurrogate(c)))
        {
            return text;
        }
        var clean = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (!char.IsControl(c) || c is '\t' or '\n'))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        foreach (var cell in cells)
        {
            row.Append(new TableCell(Text(cell, bold: header)));
        }
        return row;
    }

    private static string Cell(CompareCell cell) =>
        string.Create(CultureInfo.InvariantCulture, $"{cell.Occurrences}（{cell.Per10k:0.##}）");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Ingestion.Topics;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace XiqingSearch.Core.Tests.Ingestion.Formats;

/// <summary>The format readers' rules on small documents written by the tests.</summary>
public sealed class FormatReaderTests
{
    [Fact]
    public void PageFurniture_RemovesRepeatedEdgeLinesAndPageNumbers_KeepsTheSameWordsInTheBody()
    {
        string[] words = ["甲", "乙", "丙", "丁"];
        var pages = Enumerable.Range(0, 4).Select(n =>
        {
            var page = new List<PageLine> { new("西青区人民政府文件", false) };
            // Page 2's body begins with the header's words; page 3 ends with a bare year.
            page.Add(new(n == 1 ? "西青区人民政府文件" : $"正文{words[n]}页开头的一行文字，", false));
            page.AddRange(Enumerable.Range(0, 6).Select(k => new PageLine($"正文{words[n]}{words[k % 4]}{k}段中间的文字", false)));
            page.Add(new(n == 2 ? "2024" : $"正文{words[n]}页的最后一行文字。", false));
            page.Add(new($"— {n + 1} —", false));
            return page;
        }).ToList();
        var kept = PageFurniture.Remove(pages);
        Assert.All(kept, page => Assert.DoesNotContain(page, l => l.Text.StartsWith('—')));
        Assert.All(kept, page => Assert.Equal(pages[0].Count - (page == kept[2] ? 3 : 2), page.Count));
        // The header is removed once per page; page 2's body repeats it and keeps it.
        Assert.Equal("西青区人民政府文件", kept[1][0].Text);
        Assert.Equal("正文甲页开头的一行文字，", kept[0][0].Text);
        Assert.Equal("正文甲页的最后一行文字。", kept[0][^1].Text);
        // A bare number at the page's foot is a page number.
        Assert.StartsWith("正文丙", kept[2][^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("— 3 —", true)]
    [InlineData("- 3 -", true)]
    [InlineData("－12－", true)]
    [InlineData("3/11", true)]
    [InlineData("第 3 页", true)]
    [InlineData("第3页 共11页", true)]
    [InlineData("Page 3 of 11", true)]
    [InlineData("17", true)]
    [InlineData("第三章 总体要求", false)]
    [InlineData("3%", false)]
    [InlineData("2024年", false)]
    public void PageNumberLines_AreRecognised(string line, bool expected) =>
        Assert.Equal(expected, PageFurniture.IsPageNumber(line));

    [Fact]
    public void RunningLines_VaryingOnlyInDigits_AreOneRunningLine() =>
        Assert.Equal(PageFurniture.Key("12/1/26, 2:57 AM 西青区规划"), PageFurniture.Key("12/1/26, 3:05 AM 西青区规划"));

    [Fact]
    public void ExtractionArtefacts_AreCleaned_ToWhatAReaderSees() =>
        // Ligature, soft hyphen, a private-use glyph, a zero-width space, a Kangxi radical, a compatibility ideograph,
        // radicals-supplement look-alikes (⺠ ⻄ ⻜ ⻑), and one whose equivalent is outside the BMP (⺪, kept).
        Assert.Equal("financial report 人民 什 民西飞長 ⺪",
            ExtractedText.Clean("\uFB01nan\u00ADcial \uE001report\u200B \u2F08民 \uF9FD \u2EA0\u2EC4\u2EDC\u2ED1 \u2EAA"));

    [Fact]
    public void ExtractionArtefacts_EveryRadicalWithABmpIdeograph_BecomesOneUnifiedIdeograph()
    {
        for (var c = '\u2E80'; c <= '\u2FDF'; c++)
        {
            var cleaned = ExtractedText.Clean(c.ToString());
            Assert.Equal(1, cleaned.Length);
            if (cleaned[0] != c)
            {
                Assert.InRange(cleaned[0], '\u3400', '\u9FFF');
            }
        }
        // Every assigned Kangxi radical has an equivalent; every supplement form with a BMP one (101 of 115) is mapped.
        Assert.Equal(214, Enumerable.Range(0x2F00, 0xE0).Count(c => ExtractedText.Clean(((char)c).ToString())[0] != c));
        Assert.Equal(101, Enumerable.Range(0x2E80, 0x80).Count(c => ExtractedText.Clean(((char)c).ToString())[0] != c));
    }

    [Fact]
    public void Docx_ReadsBodyTablesFootnotesAndPages_NotHeadersFootersCommentsOrDeletions()
    {
        var lines = DocxReader.Instance.ReadLines(WriteDocx());
        var texts = lines.Select(l => l.Text).ToList();
        Assert.Equal(
        [
            "西青区2024年国民经济和社会发展规划",
            "一、总体要求",
            "坚持稳中求进，插入的文字推动高质量发展。",
            "脚注正文。",
            "指标 | 2024年",
            "地区生产总值 | 5%",
            "第二页的段落。",
        ], texts);
        Assert.All(lines, l => Assert.True(l.EndsBlock));
        Assert.True(lines[1].IsMarkupHeading);
        Assert.False(lines[2].IsMarkupHeading);
        Assert.True(lines[4].IsRow);
        Assert.Equal([1, 1, 1, 1, 1, 1, 2], lines.Select(l => l.Page));
        var joined = string.Concat(texts);
        foreach (var hidden in new[] { "页眉文字", "页脚文字", "批注内容", "删除的文字" })
        {
            Assert.DoesNotContain(hidden, joined, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Docx_ParsedIntoParagraphs_WithTableRowsAndPages()
    {
        var extracted = DocxReader.Instance.Read(WriteDocx(), IngestLimits.Default);
        var file = new SourceFile("/seeds/plan.docx", "plan.docx", "plan", 1, "0");
        var document = CorpusReader.Describe(file, extracted, null, TopicAssigner.Default).ValueOrThrow();
        Assert.Equal(2024, document.Year);
        Assert.Equal(
            [ParagraphKind.Heading, ParagraphKind.Heading, ParagraphKind.Paragraph, ParagraphKind.Paragraph, ParagraphKind.TableRow, ParagraphKind.TableRow, ParagraphKind.Paragraph],
            document.Paragraphs.Select(p => p.Kind));
        Assert.Equal(2, document.Paragraphs[^1].FirstPage);
        Assert.Equal(["一、总体要求"], document.Paragraphs[^2].Chapter);
    }

    [Fact]
    public void Docx_WithoutRenderedPageBreaks_HasNoPages()
    {
        var lines = DocxReader.Instance.ReadLines(WriteDocx(renderedBreak: false));
        Assert.All(lines, l => Assert.Null(l.Page));
    }

    [Fact]
    public void Html_ReadsTheArticle_NotNavigationScriptsOrStyles()
    {
        const string page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>页面标题</title>
            <style>.x { color: red } /* 样式文字 */</style><script>var s = "脚本文字";</script></head>
            <body><header>网站页头</header><nav><a href="/">首页</a><a>导航文字</a></nav>
            <main><h1>西青区2024年国民经济和社会发展规划</h1>
            <h2>一、总体要求</h2><p>坚持稳中求进，<b>推动</b>高质量发展。</p>
            <p>第一行<br>第二行</p><div hidden>隐藏文字</div>
            <table><tr><th>指标</th><th>2024年</th></tr><tr><td>地区生产总值</td><td>5%</td></tr></table>
            </main><aside>侧栏文字</aside><footer>网站页脚</footer></body></html>
            """;
        var lines = HtmlReader.Instance.ReadLines(Encoding.UTF8.GetBytes(page));
        Assert.Equal(
        [
            "西青区2024年国民经济和社会发展规划",
            "一、总体要求",
            "坚持稳中求进，推动高质量发展。",
            "第一行",
            "第二行",
            "指标 | 2024年",
            "地区生产总值 | 5%",
        ], lines.Select(l => l.Text));
        Assert.True(lines[0].IsMarkupHeading);
        Assert.False(lines[3].EndsBlock);
        Assert.True(lines[4].EndsBlock);
        Assert.True(lines[6].IsRow);
    }

    private static byte[] WriteDocx(bool renderedBreak = true)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "H1" });
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new WParagraph(new Run(new Text("页眉文字"))));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new WParagraph(new Run(new Text("页脚文字"))));
            main.AddNewPart<WordprocessingCommentsPart>().Comments = new Comments(
                new Comment(new WParagraph(new Run(new Text("批注内容")))) { Id = "0", Author = "审阅" });
            main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes(
                new Footnote(new WParagraph(new Run(new Text("分隔")))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new WParagraph(new Run(new Text("脚注正文。")))) { Id = 1 });

            var body = new Body(
                new WParagraph(new Run(new Text("西青区2024年国民经济和社会发展规划"))),
                new WParagraph(new ParagraphProperties(new ParagraphStyleId { Val = "H1" }), new Run(new Text("一、总体要求"))),
                new WParagraph(
                    new CommentRangeStart { Id = "0" },
                    new Run(new Text("坚持稳中求进，")),
                    new CommentRangeEnd { Id = "0" },
                    new Run(new CommentReference { Id = "0" }),
                    new DeletedRun(new Run(new DeletedText("删除的文字"))) { Id = "1", Author = "审阅" },
                    new InsertedRun(new Run(new Text("插入的文字"))) { Id = "2", Author = "审阅" },
                    new Run(new Text("推动高质量发展。")),
                    new Run(new FootnoteReference { Id = 1 })),
                new Table(
                    new TableRow(Cell("指标"), Cell("2024年")),
                    new TableRow(Cell("地区生产总值"), Cell("5%"))),
                new WParagraph(renderedBreak
                    ? new Run(new LastRenderedPageBreak(), new Text("第二页的段落。"))
                    : new Run(new Text("第二页的段落。"))));
            main.Document = new Document(body);
        }
        return stream.ToArray();

        static TableCell Cell(string text) => new(new WParagraph(new Run(new Text(text))));
    }
}

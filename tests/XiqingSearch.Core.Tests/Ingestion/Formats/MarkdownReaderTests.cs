using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Tests.Ingestion.Formats;

/// <summary>
/// The Markdown reader on Markdown renderings of two real gov.cn documents (<c>tests/Fixtures/Markdown/</c>, see
/// <c>tests/Fixtures/Html/SOURCES.md</c>) and on small inline cases.
/// </summary>
public sealed class MarkdownReaderTests
{
    private static readonly string Folder = Path.Combine(Testing.RepositoryRoot.Path, "tests", "Fixtures", "Markdown");

    [Fact]
    public void Read_FrontMatter_IsFactsAndNotText()
    {
        var (text, document) = Read("gov-cn-guobanhan-2006-82-answer.md");

        Assert.Equal("国务院办公厅对全国政协十届四次会议第4626号提案的答复", document.Facts.Title);
        Assert.Equal("国办函〔2006〕82号", document.Facts.Number);
        Assert.Equal("国务院办公厅", document.Facts.Issuer);
        Assert.Equal(new DateOnly(2006, 10, 18), document.Facts.WrittenDate);
        Assert.Equal(new DateOnly(2018, 12, 24), document.Facts.PublishedDate);
        Assert.Equal("http://www.gov.cn/zhengce/content/2018-12/24/content_5351598.htm", document.Facts.SourceUrl);
        Assert.All(document.Lines.Take(8), l => Assert.True(l.IsBlank));
        Assert.Equal(PlainTextReader.SplitLines(text).Length, document.Lines.Count);
    }

    [Fact]
    public void Read_Answer_MarkupGoesTextAndLineNumbersStay()
    {
        var (text, document) = Read("gov-cn-guobanhan-2006-82-answer.md");
        var source = PlainTextReader.SplitLines(text);
        var lines = document.Lines;

        var title = Assert.Single(lines, l => l.IsMarkupHeading);
        Assert.Equal("国务院办公厅对全国政协十届四次会议第4626号提案的答复", title.Text);
        Assert.StartsWith("# ", source[title.Number - 1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Text.StartsWith("信访是保证民意畅通的一个重要渠道。人民群众", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.StartsWith("今年初，中央政府门户网站正式开通，", StringComparison.Ordinal));
        Assert.Equal("国务院办公厅", lines.Single(l => l.Number == Line(source, "国务院办公厅</p>")).Text);
        Assert.Equal("二〇〇六年十月十八日", lines.Single(l => l.Number == Line(source, "二〇〇六年十月十八日</p>")).Text);
        Assert.True(lines.Single(l => l.Number == Line(source, "<!--")).IsBlank);
        Assert.All(lines, l => Assert.DoesNotMatch(@"\*\*|\]\(|https?:|<|>|^---$|title:", l.Text));
    }

    [Fact]
    public void Read_Opinion_SetextHeadingTablesCodeAndImages()
    {
        var (text, document) = Read("gov-cn-guobanfa-2018-123-opinion.md");
        var source = PlainTextReader.SplitLines(text);
        var lines = document.Lines;

        Assert.Equal(new DateOnly(2018, 12, 7), document.Facts.WrittenDate);
        Assert.Null(document.Facts.PublishedDate);
        Assert.Equal("国务院办公厅", document.Facts.Issuer);
        var setext = lines.Single(l => l.Number == Array.IndexOf(source, "国务院办公厅关于推进政务新媒体健康有序发展的意见") + 1);
        Assert.True(setext.IsMarkupHeading);
        Assert.True(lines[setext.Number].IsBlank);
        Assert.Equal("国办发〔2018〕123号", lines.Single(l => l.Number == Line(source, "*国办发")).Text);
        Assert.Equal(["国务院办公厅关于推进政务新媒体健康有序发展的意见", "一、总体要求", "（一）指导思想。", "（二）工作目标。", "二、明确工作职责"],
            lines.Where(l => l.IsMarkupHeading).Select(l => l.Text));
        Assert.Equal(["层级 | 主管单位", "全国 | 国务院办公厅", "本地区 | 地方各级人民政府办公厅（室）", "本部门 | 国务院各部门办公厅（室）或指定的专门司局"],
            lines.Where(l => l.IsRow).Select(l => l.Text));
        Assert.True(lines.Single(l => l.Number == Line(source, "|------")).IsBlank);
        Assert.True(lines.Single(l => l.Number == Line(source, "![")).IsBlank);
        Assert.Equal("2018年12月7日", lines.Single(l => l.Number == Line(source, "2018年12月7日")).Text);
        Assert.True(lines.Single(l => l.Number == Line(source, "```")).IsBlank);
    }

    [Fact]
    public void ReadDocument_MarkdownFile_TitleAndParagraphsWithoutMarkup()
    {
        var document = DocumentFixtures.Read(Path.Combine(Folder, "gov-cn-guobanhan-2006-82-answer.md"));

        Assert.Equal("国务院办公厅对全国政协十届四次会议第4626号提案的答复", document.Title);
        Assert.Equal("国办函〔2006〕82号", document.Facts.Number);
        Assert.Contains(document.Paragraphs, p => p.Text == "您提出的《关于设立总理热线电话的提案》收悉。经研究，答复如下：");
        Assert.Contains(document.Paragraphs, p => p.Text.StartsWith("信访是保证民意畅通的一个重要渠道。人民群众", StringComparison.Ordinal));
        Assert.All(document.Paragraphs, p => Assert.DoesNotMatch(@"[*\[\]<>]|http|title:", p.Text));
    }

    [Fact]
    public void Read_ListsQuotesInlineHtmlAndEntities()
    {
        const string text = """
            # 一、主要任务

            1. 坚持稳中求进，推动高质量发展。
            2. 加快建设<span style="color:red">现代化产业体系</span>。

            - 优化营商环境&mdash;持续深化改革
            > 引用的文字，[链接](https://example.gov.cn/a.htm)与`代码`。
            """;

        var lines = MarkdownReader.Instance.Read(text).Lines;

        Assert.Equal(
        [
            "一、主要任务", "", "1.坚持稳中求进，推动高质量发展。", "2.加快建设现代化产业体系。", "",
            "优化营商环境—持续深化改革", "引用的文字，链接与代码。",
        ], lines.Select(l => l.Text));
        Assert.True(lines[0].IsMarkupHeading);
        Assert.Equal(Enumerable.Range(1, 7), lines.Select(l => l.Number));
    }

    [Fact]
    public void For_TxtWithHeadings_OnlyHeadingsAreMarkup()
    {
        const string text = "# 一、生态环境\nPM<sub>2.5</sub>年均浓度下降，**重点**任务完成。";

        var lines = FormatReaders.For("2021_plan.txt", text).Read(text).Lines;
        var markdown = FormatReaders.For("2021_plan.md", text).Read(text).Lines;

        Assert.Equal(["一、生态环境", "PM<sub>2.5</sub>年均浓度下降，**重点**任务完成。"], lines.Select(l => l.Text));
        Assert.True(lines[0].IsMarkupHeading);
        Assert.Equal("PM2.5年均浓度下降，重点任务完成。", markdown[1].Text);
    }

    private static (string Text, ExtractedDocument Document) Read(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        return (text, MarkdownReader.Instance.Read(text));
    }

    /// <summary>The 1-based number of the first source line that contains <paramref name="fragment"/>.</summary>
    private static int Line(string[] source, string fragment) =>
        Array.FindIndex(source, l => l.Contains(fragment, StringComparison.Ordinal)) + 1;
}

using System.Text.RegularExpressions;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Tests.Ingestion;

/// <summary>The ingestion rules on the real seeds in the repository's <c>seeds/</c> folder.</summary>
public partial class CorpusReaderSeedsTests
{
    private static readonly Lazy<IReadOnlyList<SourceDocument>> s_documents = new(() => CorpusReader.ReadAll(SeedsFolder.Path).Value);

    private static IReadOnlyList<SourceDocument> Documents => s_documents.Value;

    private static SourceDocument Doc(string prefix) => Documents.Single(d => d.File.Id.StartsWith(prefix, StringComparison.Ordinal));

    // Expected counts: total, headings, paragraphs, table rows. A change here is a change of the splitting rules.
    [Theory]
    [InlineData("000", 70, 20, 50, 0)]
    [InlineData("001", 83, 19, 64, 0)]
    [InlineData("002", 68, 17, 51, 0)]
    [InlineData("003", 321, 75, 218, 28)]
    [InlineData("004", 82, 19, 63, 0)]
    public void ReadAll_Seeds_ParagraphCountsAreStable(string doc, int total, int headings, int paragraphs, int rows)
    {
        var document = Doc(doc);

        Assert.Equal(total, document.Paragraphs.Count);
        Assert.Equal(headings, document.Paragraphs.Count(p => p.Kind == ParagraphKind.Heading));
        Assert.Equal(paragraphs, document.Paragraphs.Count(p => p.Kind == ParagraphKind.Paragraph));
        Assert.Equal(rows, document.Paragraphs.Count(p => p.Kind == ParagraphKind.TableRow));
        Assert.Equal(Enumerable.Range(1, total), document.Paragraphs.Select(p => p.Number));
    }

    [Theory]
    [InlineData("000", 2024, null, DocumentTypes.AnnualPlan, "西青区2023年国民经济和社会发展规划执行情况与2024年国民经济和社会发展规划")]
    [InlineData("001", 2023, null, DocumentTypes.WorkReport, "政府工作报告")]
    [InlineData("002", 2021, null, DocumentTypes.AnnualPlan, "西青区2021年国民经济和社会发展规划")]
    [InlineData("003", 2021, "2021–2025", DocumentTypes.FiveYearPlan, "西青区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要")]
    [InlineData("004", 2025, null, DocumentTypes.WorkReport, "政府工作报告")]
    public void ReadAll_Seeds_TitleYearPeriodTypeFromText(string doc, int year, string? period, string type, string title)
    {
        var document = Doc(doc);

        Assert.Equal(year, document.Year);
        Assert.Equal(period, document.Period);
        Assert.Equal(type, document.Type);
        Assert.Equal(title, document.Title);
    }

    [Fact]
    public void ReadAll_Seeds_EveryParagraphHasChapterTopicAndNoNewline()
    {
        var topics = XiqingSearch.Core.Ingestion.Topics.Taxonomy.Default.TopicNames;
        Assert.All(Documents.SelectMany(d => d.Paragraphs), p =>
        {
            Assert.NotEmpty(p.Chapter);
            Assert.All(p.Chapter, c => Assert.False(string.IsNullOrWhiteSpace(c)));
            Assert.Contains(p.Topic, topics);
            Assert.True(p.Topic == "综合" || p.TopicKeywords.Count > 0);
            Assert.DoesNotContain('\n', p.Text);
            Assert.DoesNotContain('\r', p.Text);
            Assert.NotEqual(string.Empty, p.Text);
            Assert.InRange(p.FirstLine, 1, p.LastLine);
        });
    }

    [Fact]
    public void ReadAll_Seeds_HeadingsIncludeThemselvesInChapter()
    {
        Assert.All(
            Documents.SelectMany(d => d.Paragraphs).Where(p => p.Kind == ParagraphKind.Heading),
            h => Assert.Equal(h.Text, h.Chapter[^1]));
    }

    /// <summary>Nothing lost, nothing invented: the texts, whitespace removed, spell out the source exactly.</summary>
    [Fact]
    public void ReadAll_Seeds_ParagraphTextsConcatenateToSource()
    {
        foreach (var document in Documents)
        {
            var source = File.ReadAllText(document.File.Path);
            var expected = Squeeze(MarkdownMarker().Replace(source, string.Empty));
            var actual = string.Concat(document.Paragraphs.Select(p =>
                Squeeze(p.Kind == ParagraphKind.TableRow ? p.Text.Replace(" | ", string.Empty, StringComparison.Ordinal) : p.Text)));

            Assert.Equal(expected, actual);
        }
    }

    /// <summary>
    /// Every body paragraph ends at a sentence end or colon, except lines a reader sees as standing alone
    /// (dates, 此件主动公开, signatures, figure captions, the dash subtitle of a report, a stray last line).
    /// </summary>
    [Fact]
    public void ReadAll_Seeds_ParagraphsEndAtSentenceEndsOrStandAlone()
    {
        var exceptions = Documents
            .SelectMany(d => d.Paragraphs)
            .Where(p => p.Kind == ParagraphKind.Paragraph && !SentenceEnd().IsMatch(p.Text))
            .Select(p => $"{p.Doc[..3]}:{p.FirstLine}")
            .ToList();

        Assert.Equal(
            ["000:9", "000:11", "001:12", "001:14", "001:18", "001:22", "001:908", "002:9", "002:11", "003:365", "003:376", "004:9", "004:11", "004:15", "004:18"],
            exceptions);
    }

    [Fact]
    public void ReadAll_Seeds_NoParagraphContinuesIntoASentenceAReaderWouldSplit()
    {
        // A paragraph that does not end a sentence is followed by a heading, a table row or a standalone line.
        foreach (var document in Documents)
        {
            var paragraphs = document.Paragraphs;
            for (var i = 0; i + 1 < paragraphs.Count; i++)
            {
                var p = paragraphs[i];
                if (p.Kind == ParagraphKind.Paragraph && !SentenceEnd().IsMatch(p.Text))
                {
                    var next = paragraphs[i + 1];
                    Assert.True(
                        next.Kind != ParagraphKind.Paragraph || next.Text.Length <= 60 || next.Text.StartsWith("——", StringComparison.Ordinal)
                            || p.Text.Length <= 60,
                        $"{p.Doc} #{p.Number} '{p.Text}' runs into '{next.Text}'");
                }
            }
        }
    }

    [Fact]
    public void ReadAll_001_MidWordWrapIsJoined()
    {
        var paragraph = Doc("001").Paragraphs.Single(p => p.Text.StartsWith("产业能级加快提升。", StringComparison.Ordinal));

        Assert.Contains("电子信息、汽车及装备制造、生物医药三大主导产业占比达到66.8%", paragraph.Text, StringComparison.Ordinal);
        Assert.Contains("集成电路、车联网等5条重点产业链", paragraph.Text, StringComparison.Ordinal);
        Assert.Equal((61, 82), (paragraph.FirstLine, paragraph.LastLine));
    }

    [Fact]
    public void ReadAll_001_ChanceFullStopAtWrapDoesNotSplitParagraph()
    {
        var paragraph = Doc("001").Paragraphs.Single(p => p.Text.StartsWith("乡村振兴战略提速。", StringComparison.Ordinal));

        Assert.Contains("“津农精品”3个。农村人居环境和基础设施持续改善", paragraph.Text, StringComparison.Ordinal);
        Assert.EndsWith("完成消费帮扶1.97亿元。", paragraph.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_001_SpacedTitleAndNoticeTitleAreHeadings()
    {
        var paragraphs = Doc("001").Paragraphs;

        Assert.Equal((ParagraphKind.Heading, "天津市西青区人民政府关于印发政府工作报告的通知", 1, 2), (paragraphs[0].Kind, paragraphs[0].Text, paragraphs[0].FirstLine, paragraphs[0].LastLine));
        var title = paragraphs.Single(p => p.FirstLine == 16);
        Assert.Equal((ParagraphKind.Heading, "政府工作报告"), (title.Kind, title.Text));
        Assert.Equal(["政府工作报告"], paragraphs.Single(p => p.Text == "各位代表：").Chapter);
    }

    [Fact]
    public void ReadAll_003_BoxTableRowsCarryCaptionInChapter()
    {
        var rows = Doc("003").Paragraphs.Where(p => p.Kind == ParagraphKind.TableRow).ToList();

        Assert.Equal("序号 | 指标 | 2020年预计数 | 目标 | 属性", rows[0].Text);
        Assert.Contains("1 | 地区生产总值增长率（%） | 0.5 | 6左右 | —— | 预期性", rows.Select(r => r.Text));
        Assert.All(rows, r => Assert.Equal("专栏1“十四五”时期经济社会发展主要指标", r.Chapter[^1]));
        Assert.Equal(["第二章“十四五”时期西青经济社会发展指导思想和主要目标", "第三节主要目标", "专栏1“十四五”时期经济社会发展主要指标"], rows[0].Chapter);
    }

    [Fact]
    public void ReadAll_003_TwoLineChapterTitleIsOneHeading()
    {
        var heading = Doc("003").Paragraphs.Single(p => p.FirstLine == 3);

        Assert.Equal(ParagraphKind.Heading, heading.Kind);
        Assert.Equal("第一章全面建成更高水平小康社会，开启全面建设社会主义现代化新城的新征程", heading.Text);
        Assert.Equal(4, heading.LastLine);
    }

    [Fact]
    public void ReadAll_003_BoxListItemsAreParagraphsInsideTheBox()
    {
        var paragraphs = Doc("003").Paragraphs;
        var item = paragraphs.Single(p => p.FirstLine == 227);
        var after = paragraphs.Single(p => p.FirstLine == 298);

        Assert.Equal(ParagraphKind.Paragraph, item.Kind);
        Assert.StartsWith("（一）天津南站科技商务区。", item.Text, StringComparison.Ordinal);
        Assert.Equal("专栏2打造承接非首都功能疏解重点载体", item.Chapter[^1]);
        Assert.Equal("第三节畅通国内市场循环", after.Chapter[^1]);
    }

    [Fact]
    public void ReadAll_002_MarkdownLevelsComeFromForm()
    {
        var paragraphs = Doc("002").Paragraphs;
        var second = paragraphs.Single(p => p.Text == "（二）着力优化产业结构，深入推进高质量发展");
        var fourth = paragraphs.Single(p => p.Text == "（四）着力加强生态优化，深入推进绿色发展");

        Assert.Equal(["一、2020年国民经济和社会发展规划执行情况", "（二）着力优化产业结构，深入推进高质量发展"], second.Chapter);
        Assert.Equal(2, fourth.Chapter.Count);
    }

    [Fact]
    public void ReadAll_000_BoxHoldsOnlyItsOwnParagraph()
    {
        var paragraphs = Doc("000").Paragraphs;
        var list = paragraphs.Single(p => p.Text.StartsWith("2024年我区计划开发的地块", StringComparison.Ordinal));
        var next = paragraphs.Single(p => p.Text.StartsWith("完善城市综合治理。", StringComparison.Ordinal));

        Assert.Equal("专栏：2024年保障性安居工程及土地征收成片开发计划", list.Chapter[^1]);
        Assert.Equal("（六）推进城市更新，提升区域发展能级", next.Chapter[^1]);
        Assert.Equal((151, 153), (list.FirstLine, list.LastLine));
    }

    [Fact]
    public void ListFiles_Seeds_SortedWithHashes()
    {
        var files = CorpusReader.ListFiles(SeedsFolder.Path).Value;

        Assert.Equal(files.Select(f => f.FileName).Order(StringComparer.Ordinal), files.Select(f => f.FileName));
        Assert.Equal(5, files.Count);
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
    }

    private static string Squeeze(string text) => WhitespaceRun().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+", RegexOptions.Multiline)]
    private static partial Regex MarkdownMarker();

    [GeneratedRegex(@"([。！？!?][”’」』）)》】""']*|[：:])$")]
    private static partial Regex SentenceEnd();
}

using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Ingestion.Topics;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Ingestion;

public class ParagraphSplitterTests
{
    [Fact]
    public void Split_WrappedPdfLine_JoinsParagraph()
    {
        var paragraphs = Parse.Body("一、回顾\n\n电子信息、汽车及装备制\n\n造、生物医药三大主导产业占比达到 66.8%。\n\n创新平台更加完善。加快构建。\n");

        Assert.Equal(
            ["一、回顾", "电子信息、汽车及装备制造、生物医药三大主导产业占比达到66.8%。", "创新平台更加完善。加快构建。"],
            paragraphs.Select(p => p.Text));
        Assert.Equal((5, 7), (paragraphs[1].FirstLine, paragraphs[1].LastLine));
    }

    [Fact]
    public void Split_SentencesOnOneLine_StayOneParagraph()
    {
        var paragraphs = Parse.Body("一、回顾\n工业综合实力稳步提升。全年实现产值 1476.7 亿元。\n");

        Assert.Equal("工业综合实力稳步提升。全年实现产值1476.7亿元。", paragraphs[1].Text);
    }

    [Fact]
    public void Split_SpacedTitle_IsOneHeadingWithoutSpaces()
    {
        var document = Parse.Text("政 府 工 作 报 告\n\n——2023年 1月 7日在西青区第十八届\n\n人民代表大会第三次会议上\n\n西青区区长 殷学武\n\n各位代表：\n\n现在，我代表区人民政府向大会作工作报告。\n\n一、2022年工作回顧\n").Value;

        Assert.Equal("政府工作报告", document.Title);
        Assert.Equal(2023, document.Year);
        Assert.Equal(DocumentTypes.WorkReport, document.Type);
        Assert.Equal(
            ["政府工作报告", "——2023年1月7日在西青区第十八届人民代表大会第三次会议上", "西青区区长殷学武", "各位代表：", "现在，我代表区人民政府向大会作工作报告。", "一、2022年工作回顧"],
            document.Paragraphs.Select(p => p.Text));
        Assert.Equal(ParagraphKind.Heading, document.Paragraphs[0].Kind);
        Assert.All(document.Paragraphs.Take(5), p => Assert.Equal(["政府工作报告"], p.Chapter));
    }

    [Fact]
    public void Split_HeadingsByForm_BuildChapterPath()
    {
        var paragraphs = Parse.Body("## 一、总体要求\n\n#### （一）产业\n\n做强制造业。\n\n# （二）科技\n\n第一章 总则\n\n第一节 目标\n\n专栏1 指标\n\n二、任务\n");

        var headings = paragraphs.Where(p => p.Kind == ParagraphKind.Heading).ToList();
        Assert.Equal(7, headings.Count);
        Assert.Equal(["一、总体要求", "（一）产业"], paragraphs[2].Chapter);
        Assert.Equal(["一、总体要求", "（二）科技"], headings[2].Chapter);
        Assert.Equal(["第一章总则", "第一节目标", "专栏1指标"], headings[5].Chapter);
        Assert.Equal(["二、任务"], headings[6].Chapter);
    }

    [Fact]
    public void Split_RunInListItem_IsParagraphNotHeading()
    {
        var paragraphs = Parse.Body("一、任务\n（一）天津南站科技商务区。依托京沪高铁建设。\n（二）西青经济技术开发区。深化协作。\n");

        Assert.Equal([ParagraphKind.Heading, ParagraphKind.Paragraph, ParagraphKind.Paragraph], paragraphs.Select(p => p.Kind));
    }

    [Fact]
    public void Split_TwoLineChapterTitle_IsOneHeading()
    {
        var paragraphs = Parse.Body("第一章  全面建成更高水平小康社会，开启全面建设社会主义\n现代化新城的新征程\n“十四五”时期是西青开启新征程的第一个五年。\n");

        Assert.Equal("第一章全面建成更高水平小康社会，开启全面建设社会主义现代化新城的新征程", paragraphs[0].Text);
        Assert.Equal((3, 4), (paragraphs[0].FirstLine, paragraphs[0].LastLine));
        Assert.Equal(ParagraphKind.Paragraph, paragraphs[1].Kind);
    }

    [Fact]
    public void Split_BoxTable_RowsKeepCellsAndCaptionInChapter()
    {
        var paragraphs = Parse.Body("第一节 目标\n专栏1  主要指标\n\t序号\n\t指标\n\t2020年\n预计数\n\n\t\n\t2025年\n\n\t1\n\t地区生产总值增长率（%）\n\t6左右\n\n\n注：﹝﹞内数据为累计数。\n第二节 任务\n");

        var rows = paragraphs.Where(p => p.Kind == ParagraphKind.TableRow).ToList();
        Assert.Equal(["序号 | 指标 | 2020年预计数", "2025年", "1 | 地区生产总值增长率（%） | 6左右"], rows.Select(r => r.Text));
        Assert.All(rows, r => Assert.Equal(["第一节目标", "专栏1主要指标"], r.Chapter));
        var note = paragraphs.Single(p => p.Text.StartsWith("注：", StringComparison.Ordinal));
        Assert.Equal(["第一节目标", "专栏1主要指标"], note.Chapter);
    }

    [Fact]
    public void Split_BoxEndsAtRunInLead()
    {
        var paragraphs = Parse.Body("（六）推进城市更新\n专栏：2024年开发计划\n计划开发的地块共有28个，分别是：\n中北地块、张家窝地块。\n完善城市综合治理。提升园林绿化景观水平。\n");

        Assert.Equal(["（六）推进城市更新", "专栏：2024年开发计划"], paragraphs[2].Chapter);
        Assert.Equal(["（六）推进城市更新", "专栏：2024年开发计划"], paragraphs[3].Chapter);
        Assert.Equal(["（六）推进城市更新"], paragraphs[4].Chapter);
    }

    [Fact]
    public void Split_BlankLinesAlone_NeverEndParagraph()
    {
        var paragraphs = Parse.Body("一、回顾\n\n\n全年预计地区生产总值超过 990亿元，\n\n\n同比增长 3%。\n");

        Assert.Equal("全年预计地区生产总值超过990亿元，同比增长3%。", paragraphs[1].Text);
    }

    [Fact]
    public void Split_ClosingQuoteAfterFullStop_EndsParagraph()
    {
        var paragraphs = Parse.Body("一、回顾\n实现“6个100%。”\n开展专项行动。\n");

        Assert.Equal(3, paragraphs.Count);
    }

    [Fact]
    public void Normalize_SpacesBetweenCjkAndDigits_Removed_LatinSpacesKept()
    {
        var paragraphs = Parse.Body("一、回顾\n居民人均可支配收入达到 49200 元，推进 5G AI 应用。\n");

        Assert.Equal("居民人均可支配收入达到49200元，推进5G AI 应用。", paragraphs[1].Text);
    }

    [Fact]
    public void Split_TextBeforeAnyHeading_GetsTitleAsChapter()
    {
        var document = Parse.Text("“十四五”时期（2021—2025年），是西青开启新征程的五年。本纲要根据《西青区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》编制。\n第一章 新征程\n").Value;

        Assert.Equal(DocumentTypes.FiveYearPlan, document.Type);
        Assert.Equal(2021, document.Year);
        Assert.Equal("2021–2025", document.Period);
        Assert.Equal([document.Title], document.Paragraphs[0].Chapter);
    }

    [Fact]
    public void Read_NoYearInTextButOneInTheFileName_TakesTheFileNamesYear()
    {
        var document = Parse.Text("一、总则\n西青区工作。\n", "2024_notes.txt").Value;

        Assert.Equal(2024, document.Year);
        Assert.Equal(YearSources.FileName, document.YearSource);
        Assert.Empty(document.Warnings);
    }

    [Theory]
    [InlineData(ParagraphKind.Paragraph, "paragraph")]
    [InlineData(ParagraphKind.Heading, "heading")]
    [InlineData(ParagraphKind.TableRow, "table-row")]
    public void ParagraphKindNames_WireNames_RoundTrip(ParagraphKind kind, string wire)
    {
        Assert.Equal(wire, ParagraphKindNames.Of(kind));
        Assert.True(ParagraphKindNames.TryParse(wire, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.False(ParagraphKindNames.TryParse("Heading", out _));
    }

    [Fact]
    public void Split_DocumentNameAloneOnTheFirstLine_IsTheTitleNotTheFirstParagraphsStart()
    {
        var document = Parse.Text("赦免法\n\n第一條本法稱赦免者，謂大赦、特赦、減刑及復權。\n\n第二條大赦之效力如左。\n").Value;

        Assert.Equal("赦免法", document.Title);
        Assert.Equal("赦免法", document.Paragraphs[0].Text);
    }

    [Fact]
    public void Parse_TitleWrappedOverTwoLines_TitleJoinsBothLines()
    {
        var document = Parse.Text("国务院关于促进综合保税区\n高水平开放高质量发展的若干意见\n国发〔2019〕3号\n各省、自治区、直辖市人民政府：\n"
            + "综合保税区是开放型经济的重要平台。\n一、指导思想\n以新发展理念为指导。\n").Value;

        Assert.Equal("国务院关于促进综合保税区高水平开放高质量发展的若干意见", document.Title);
    }

    [Theory]
    [InlineData(false, "大纲4", "江西省人民政府外事办公室2022年招考外语类公务员考试大纲", "一、考试目的")]
    [InlineData(true, "附件1：", "2016年宜春市市直机关遴选公务员职位表", "序号|部门名称|职位名称")]
    public void Describe_NoTitleLineButADocumentNameAtTheStart_NameIsTheTitle(bool rows, string first, string name, string next)
    {
        // Blocks as a PDF's or DOCX's layout gives them: paragraphs, or the rows of a table that opens with its title.
        var lines = new[] { first, name, next, "考察报考者的外语能力。" }
            .Select((t, i) => new SourceLine(i + 1, t, false, IsCell: false, EndsBlock: true, IsRow: rows && i < 3))
            .ToList();
        var file = new SourceFile("/seeds/t.docx", "t.docx", "t", 1, "0");

        var document = CorpusReader.Describe(file, new ExtractedDocument(lines, DocumentFacts.None), null, TopicAssigner.Default).ValueOrThrow();

        Assert.Equal(name, document.Title);
    }

    [Fact]
    public void Parse_FirstLineIsASentence_IsNoTitle()
    {
        var document = Parse.Text("各单位要认真落实本办法。\n\n一、总体要求\n\n做好工作。\n", "000_313d8db390bab93c.txt").Value;

        Assert.Equal("一、总体要求", document.Title);
    }
}

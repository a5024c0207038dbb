using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Ingestion.Topics;

namespace XiqingSearch.Core.Tests.Ingestion;

/// <summary>The year of a document and where it came from, source by source, on real-looking texts.</summary>
public class YearDetectionTests
{
    private const string WorkReportHead = "政府工作报告\n";

    private const string WorkReportBody = "\n各位代表：\n\n现在，我代表区人民政府，向大会报告工作，请予审议。\n\n一、2023年工作回顾\n\n"
        + "2023年是全面贯彻落实党的二十大精神的开局之年。全区地区生产总值增长5%。\n\n二、2024年工作安排\n\n2024年是实现“十四五”规划目标任务的关键一年。\n";

    private static SourceDocument Read(string text, string fileName = "doc.txt", DocumentFacts? facts = null, Catalog? catalog = null)
    {
        var file = new SourceFile("/seeds/" + fileName, fileName, SourceFile.IdOf(fileName), text.Length, "0");
        var extracted = FormatReaders.For(fileName, text).Read(text);
        return CorpusReader.Describe(file, extracted with { Facts = facts ?? DocumentFacts.None }, catalog, TopicAssigner.Default).ValueOrThrow();
    }

    [Theory]
    [InlineData("——2024年1月18日在天津市西青区第十八届人民代表大会第四次会议上")]
    [InlineData("—2024年1月18日在天津市西青区第十八届人民代表大会第四次会议上")]
    [InlineData("──2024年1月18日在天津市西青区第十八届人民代表大会第四次会议上")]
    [InlineData("--2024年1月18日在天津市西青区第十八届人民代表大会第四次会议上")]
    [InlineData("－－2024年1月18日在天津市西青区第十八届人民代表大会第四次会议上")]
    [InlineData("～2024年1月18日在天津市西青区第十八届人民代表大会第四次会议上")]
    [InlineData("—— 2024 年 1 月 18 日 在天津市西青区第十八届人民代表大会第四次会议上")]
    public void Read_WorkReportDeliveryLineInAnyDashForm_YearIsTheDeliveryYearNotTheReviewedOne(string line)
    {
        var document = Read(WorkReportHead + line + "\n" + WorkReportBody);

        Assert.Equal(DocumentTypes.WorkReport, document.Type);
        Assert.Equal((2024, YearSources.Text), (document.Year, document.YearSource));
    }

    [Fact]
    public void Read_WorkReportWithYearInTitleAndDeliveryLine_DeliveryLineWins()
    {
        var document = Read("2023年西青区政府工作报告\n——2024年1月18日在天津市西青区第十八届人民代表大会第四次会议上\n" + WorkReportBody);

        Assert.Equal(2024, document.Year);
    }

    [Theory]
    [InlineData("（2024年1月18日）")]
    [InlineData("（2024 年 1 月 18 日）")]
    [InlineData("(2024年1月18日区十八届人大四次会议通过)")]
    public void Read_DateInParenthesesUnderTheTitle_GivesTheYear(string line)
    {
        var document = Read("关于进一步优化营商环境的若干措施\n" + line + "\n\n一、总体要求\n\n坚持问题导向，持续优化营商环境。\n");

        Assert.Equal((2024, YearSources.Text), (document.Year, document.YearSource));
    }

    [Theory]
    [InlineData("2018年7月31日", 2018)]
    [InlineData("2018 年 7 月 31 日", 2018)]
    [InlineData("二〇一八年七月三十一日", 2018)]
    [InlineData("二〇一九年十二月五日", 2019)]
    [InlineData("二零二零年一月十日", 2020)]
    public void Read_SigningDateStandingAloneAtTheEnd_GivesTheYear(string date, int year)
    {
        var document = Read("各街镇人民政府，区政府各委、办、局：\n\n为做好防汛工作，现就有关事项通知如下。\n\n一、提高认识\n\n各单位要高度重视。\n\n"
            + "西青区人民政府办公室\n" + date + "\n");

        Assert.Equal((year, YearSources.Text), (document.Year, document.YearSource));
    }

    [Fact]
    public void Read_PlanTitleWithSpacesBeforeYear_GivesThePlanYear()
    {
        var document = Read("西青区 2024 年国民经济和社会发展计划\n\n一、总体要求\n\n做好经济工作。\n", "plan-2023.txt");

        Assert.Equal(DocumentTypes.AnnualPlan, document.Type);
        Assert.Equal((2024, YearSources.Text), (document.Year, document.YearSource));
    }

    [Fact]
    public void Read_MetadataDates_WinOverTheText_WrittenBeforePublished()
    {
        const string text = "关于做好2024年经济工作的通知\n\n一、总体要求\n\n做好经济工作。\n";
        var written = Read(text, facts: new DocumentFacts { WrittenDate = new DateOnly(2023, 12, 28), PublishedDate = new DateOnly(2024, 1, 5) });
        var published = Read(text, facts: new DocumentFacts { PublishedDate = new DateOnly(2024, 1, 5) });

        Assert.Equal((2023, YearSources.Metadata), (written.Year, written.YearSource));
        Assert.Equal((2024, YearSources.Metadata), (published.Year, published.YearSource));
    }

    [Fact]
    public void Read_CatalogueYear_WinsOverEverything()
    {
        var catalog = new Catalog(new Dictionary<string, CatalogEntry> { ["doc"] = new(null, 2022, null, null, false) });

        var document = Read("西青区2024年国民经济和社会发展计划\n\n做好经济工作。\n",
            facts: new DocumentFacts { WrittenDate = new DateOnly(2023, 12, 28) }, catalog: catalog);

        Assert.Equal((2022, YearSources.Catalogue), (document.Year, document.YearSource));
    }

    [Fact]
    public void Read_NoYearInText_FileCreatedThenFileName()
    {
        const string text = "关于做好防汛工作的通知\n\n各单位要高度重视。\n";

        var created = Read(text, "2019年防汛通知.txt", new DocumentFacts { FileCreated = new DateOnly(2021, 6, 1) });
        var named = Read(text, "2019年防汛通知.txt");
        var twoYears = Read(text, "2019-2020_防汛通知.txt");
        var hash = Read(text, "000_a2019bcd90ab2021.txt");

        Assert.Equal((2021, YearSources.FileProperties), (created.Year, created.YearSource));
        Assert.Equal((2019, YearSources.FileName), (named.Year, named.YearSource));
        Assert.Null(twoYears.Year);
        Assert.Null(hash.Year);
    }

    [Fact]
    public void Read_NoYearAnywhere_IsUnknownWithAWarning()
    {
        var document = Read("关于做好防汛工作的通知\n\n各单位要高度重视。\n", "000_313d8db390bab93c.txt");

        Assert.Null(document.Year);
        Assert.Null(document.YearSource);
        Assert.StartsWith("year unknown:", Assert.Single(document.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2099)]
    public void Read_ImplausibleYearInTitle_IsNotTaken(int year)
    {
        var document = Read($"西青区{year}年国民经济和社会发展计划\n\n做好经济工作。\n");

        Assert.Null(document.Year);
    }

    [Fact]
    public void Read_NumberGluedToTheTitle_IsSplitIntoFacts()
    {
        var document = Read("国务院关于印发2018年深化改革重点工作的通知的通知国发〔2018〕38号\n\n各省、自治区、直辖市人民政府：\n\n现将有关工作通知如下。\n");

        Assert.False(document.Title.EndsWith('号'), document.Title);
        Assert.Equal("国发〔2018〕38号", document.Facts.Number);
    }

    [Theory]
    [InlineData("关于加强安全生产工作的通知国发〔2018〕38号", "关于加强安全生产工作的通知", "国发〔2018〕38号")]
    [InlineData("关于印发实施方案的通知 津西青政办函[2021]12号", "关于印发实施方案的通知", "津西青政办函[2021]12号")]
    [InlineData("关于同意设立开发区的批复国办函（2019）7号", "关于同意设立开发区的批复", "国办函（2019）7号")]
    [InlineData("西青区2024年国民经济和社会发展计划", "西青区2024年国民经济和社会发展计划", null)]
    public void SplitNumber_TitleWithGluedNumber_SplitsAtTheLastKindWord(string title, string expectedTitle, string? number)
    {
        Assert.Equal((expectedTitle, number), MetadataReader.SplitNumber(title));
    }

    [Fact]
    public void Read_NoTitleInText_TakesTheMetadataTitle_NotTheFileName()
    {
        var document = Read("各单位要高度重视，切实做好防汛工作。\n", "000_313d8db390bab93c.txt",
            new DocumentFacts { Title = "关于做好防汛工作的通知" });

        Assert.Equal("关于做好防汛工作的通知", document.Title);
    }

    [Theory]
    [InlineData("江西省2022年国民经济和社会发展统计公报", 2022)]
    [InlineData("关于宜春市2022年预算执行情况与2023年预算草案的报告", 2023)]
    [InlineData("西青区2024年国民经济和社会发展计划", 2024)]
    [InlineData("某某局2021年度工作总结", 2021)]
    public void Read_TitleSaysWhichYearItIsAbout_TitleYearBeatsPublishAndSigningDates(string title, int year)
    {
        var text = title + "\n\n一、综合\n\n全年经济平稳运行。\n\n某某局\n\n" + (year + 1) + "年3月28日\n";
        var document = Read(text, facts: new DocumentFacts { WrittenDate = new DateOnly(year + 1, 3, 28), PublishedDate = new DateOnly(year + 1, 3, 30) });

        Assert.Equal((year, YearSources.Text), (document.Year, document.YearSource));
    }

    [Fact]
    public void Read_NoticeSignedBeforeItsAttachedPlan_SigningDateGivesTheYear()
    {
        var text = "国务院办公厅关于印发试点工作方案的通知\n\n国办发〔2018〕128号\n\n各省、自治区、直辖市人民政府：\n\n"
            + "《试点工作方案》已经国务院同意，现印发给你们，请认真贯彻执行。\n\n国务院办公厅\n\n2018年12月29日\n\n（此件公开发布）\n\n"
            + "试点工作方案\n\n一、总体要求\n\n推动形成绿色发展方式。\n\n二、主要任务\n\n" + string.Concat(Enumerable.Repeat("加强组织领导。\n\n", 10));

        var document = Read(text, "000_313d8db390bab93c.txt");

        Assert.Equal((2018, YearSources.Text), (document.Year, document.YearSource));
    }

    [Fact]
    public void Describe_LabelValueTableWithWrittenDate_IsTheDocumentsMetadata()
    {
        string[] rows = ["索引号：|000014349/2019-00001|主题分类：|卫生、体育", "发文机关：|国务院办公厅|成文日期：|2019年01月01日",
            "发文字号：|国办发〔2019〕2号|发布日期：|2019年01月17日"];
        var lines = rows.Select((r, i) => new SourceLine(i + 1, r, false, IsCell: false, EndsBlock: true, IsRow: true))
            .Append(new SourceLine(4, "各单位要高度重视，切实做好工作。", false, IsCell: false, EndsBlock: true))
            .ToList();
        var file = new SourceFile("/seeds/000_313d8db390bab93c.docx", "000_313d8db390bab93c.docx", "000_313d8db390bab93c", 1, "0");

        var document = CorpusReader.Describe(file, new ExtractedDocument(lines, DocumentFacts.None), null, TopicAssigner.Default).ValueOrThrow();

        Assert.Equal((2019, YearSources.Metadata), (document.Year, document.YearSource));
        Assert.Equal((new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 17)), (document.Facts.WrittenDate, document.Facts.PublishedDate));
    }
}

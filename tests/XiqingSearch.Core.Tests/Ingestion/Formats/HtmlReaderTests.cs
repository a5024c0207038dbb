using System.Text;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Ingestion.Formats;

/// <summary>
/// The page reader on real gov.cn pages (<c>tests/Fixtures/Html/</c>, see its SOURCES.md) and on the cases real
/// pages have: furniture, meta tags, GBK, layout against data tables, and nesting far beyond the limit.
/// </summary>
public sealed class HtmlReaderTests
{
    private static readonly string Folder = Path.Combine(Testing.RepositoryRoot.Path, "tests", "Fixtures", "Html");

    public static TheoryData<string> Pages => new(Directory.GetFiles(Folder, "*.htm").Select(Path.GetFileName).Order()!);

    [Theory]
    [InlineData("gov-cn-guofa-2018-43-decision.htm",
        "国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》有关规定的决定",
        "国发〔2018〕43号", "国务院", "2018-12-21", "2018-12-29")]
    [InlineData("gov-cn-guobanfa-2018-123-opinion.htm", "国务院办公厅关于推进政务新媒体健康有序发展的意见",
        "国办发〔2018〕123号", "国务院办公厅", "2018-12-07", "2018-12-27")]
    [InlineData("gov-cn-guobanfa-1996-25-joint-notice.htm",
        "国务院办公厅、中央军委办公厅关于加强对侵华日军遗弃化学武器调查和管理工作的通知",
        "国办发〔1996〕25号", "国务院办公厅、中央军委办公厅", "1996-06-29", "2018-12-24")]
    [InlineData("gov-cn-guobanhan-2004-80-reply.htm", "国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函",
        "国办函〔2004〕80号", "国务院办公厅", "2004-11-04", "2018-12-24")]
    [InlineData("gov-cn-guobanhan-2006-82-answer.htm", "国务院办公厅对全国政协十届四次会议第4626号提案的答复",
        "国办函〔2006〕82号", "国务院办公厅", "2006-10-18", "2018-12-24")]
    public void Read_GovCnPage_FactsComeFromTheMetadataTable(string file, string title, string number, string issuer,
        string written, string published)
    {
        var facts = Read(file).Facts;

        Assert.Equal(title, facts.Title);
        Assert.Equal(number, facts.Number);
        Assert.Equal(issuer, facts.Issuer);
        Assert.Equal(DateOnly.Parse(written, System.Globalization.CultureInfo.InvariantCulture), facts.WrittenDate);
        Assert.Equal(DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), facts.PublishedDate);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Read_GovCnPage_NoMetadataLabelOrFurnitureIsText(string file)
    {
        var lines = Read(file).Lines;

        string[] never = ["索引号", "主题分类", "发文机关", "成文日期", "发文字号", "发布日期", "主题词", "扫一扫", "手机打开"];
        foreach (var line in lines)
        {
            var squeezed = DisplayTextCleaner.Squeeze(line.Text);
            Assert.DoesNotContain(never, n => squeezed.Contains(n, StringComparison.Ordinal));
            Assert.False(line.IsRow, $"a layout table became a row: {line.Text}");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Read_GovCnPage_TitleIsTheFirstHeadingAndNumberFollows(string file)
    {
        var document = Read(file);

        Assert.True(document.Lines[0].IsMarkupHeading);
        Assert.Equal(document.Facts.Title, DisplayTextCleaner.Clean(document.Lines[0].Text));
        Assert.Equal(document.Facts.Number, document.Lines[1].Text);
    }

    [Fact]
    public void Read_GovCnOpinion_BodyAndBoldHeadingsAsThePageShowsThem()
    {
        var lines = Read("gov-cn-guobanfa-2018-123-opinion.htm").Lines;

        Assert.Equal("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", lines[2].Text);
        Assert.StartsWith("政务新媒体是移动互联网时代党和政府联系群众", lines[3].Text, StringComparison.Ordinal);
        Assert.Equal("一、总体要求", lines[4].Text);
        Assert.True(lines[4].IsMarkupHeading);
        Assert.Equal("（一）指导思想。", lines[5].Text);
        Assert.False(lines[5].IsMarkupHeading);
        Assert.Equal(
            ["一、总体要求", "二、明确工作职责", "三、加强功能建设", "四、规范运维管理", "五、强化保障措施"],
            lines.Skip(1).Where(l => l.IsMarkupHeading).Select(l => l.Text));
        Assert.Equal(["国务院办公厅", "2018年12月7日", "（此件公开发布）"], lines.TakeLast(3).Select(l => l.Text));
        Assert.All(lines, l => Assert.True(l.EndsBlock));
    }

    [Fact]
    public void ReadDocument_GovCnReply_TitleHeadingsAndParagraphsThroughTheCorpusReader()
    {
        var document = DocumentFixtures.Read(Path.Combine(Folder, "gov-cn-guobanhan-2004-80-reply.htm"));

        Assert.Equal("国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函", document.Facts.Title);
        Assert.Equal(ParagraphKind.Heading, document.Paragraphs[0].Kind);
        Assert.Equal(document.Facts.Title, document.Paragraphs[0].Text);
        Assert.Equal("国办函〔2004〕80号", document.Facts.Number);
        Assert.True(document.Paragraphs.Count > 40, $"{document.Paragraphs.Count} paragraphs");
        var headings = document.Paragraphs.Where(p => p.Kind == ParagraphKind.Heading).Select(p => p.Text).ToList();
        Assert.Contains("一、基本情况", headings);
        Assert.Contains("关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告", headings);
        Assert.Contains(document.Paragraphs, p => p.Text.StartsWith("你省《关于恳请解决巴东县官渡口镇马鬃山村地质险情有关问题的请示》", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TitleBrokenByBrInOneBoldBlock_IsOneHeading()
    {
        var lines = Read("gov-cn-guobanfa-1996-25-joint-notice.htm").Lines;

        Assert.Equal("国务院办公厅、中央军委办公厅关于加强对侵华日军遗弃化学武器调查和管理工作的通知",
            DisplayTextCleaner.Clean(lines[0].Text));
        Assert.True(lines[0].IsMarkupHeading);
        Assert.StartsWith("日本军国主义在侵华战争中", lines[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GbkPage_DecodesByItsMetaCharset()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var page = File.ReadAllText(Path.Combine(Folder, "gov-cn-guobanhan-2006-82-answer.htm"));
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
            + "<title>国务院办公厅对全国政协十届四次会议第4626号提案的答复_国务院文件_中国政府网</title></head><body>"
            + page + "</body></html>";
        var bytes = Encoding.GetEncoding("GB2312").GetBytes(html);
        Assert.NotEqual(Encoding.UTF8.GetBytes(html), bytes);

        var document = HtmlReader.Instance.Read(bytes, IngestLimits.Default);

        Assert.Equal("国务院办公厅对全国政协十届四次会议第4626号提案的答复", document.Facts.Title);
        Assert.Equal("王超斌委员：", document.Lines[2].Text);
    }

    [Fact]
    public void Read_MetaTagsTitleAndCanonical_AreFacts()
    {
        const string page = """
            <html><head><meta charset="utf-8">
            <title>国务院关于印发《2024—2025年节能降碳行动方案》的通知_国务院文件_中国政府网</title>
            <meta name="firstpublishedtime" content="2024-05-29-17:08:34">
            <meta name="ContentSource" content="国务院">
            <link rel="canonical" href="https://www.gov.cn/zhengce/content/202405/content_6954322.htm">
            </head><body><div class="article"><p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：现将《2024—2025年节能降碳行动方案》印发给你们，请认真贯彻执行。</p></div></body></html>
            """;

        var facts = HtmlReader.Instance.Read(Encoding.UTF8.GetBytes(page), IngestLimits.Default).Facts;

        Assert.Equal("国务院关于印发《2024—2025年节能降碳行动方案》的通知", facts.Title);
        Assert.Equal(new DateOnly(2024, 5, 29), facts.PublishedDate);
        Assert.Equal("国务院", facts.Issuer);
        Assert.Equal("https://www.gov.cn/zhengce/content/202405/content_6954322.htm", facts.SourceUrl);
        Assert.Null(facts.WrittenDate);
    }

    [Theory]
    [InlineData("国务院关于进一步优化政务服务的意见_国务院文件_中国政府网", "国务院关于进一步优化政务服务的意见")]
    [InlineData("西青区2024年政府工作报告 - 天津市西青区人民政府", "西青区2024年政府工作报告")]
    [InlineData("关于做好2024年春耕生产的通知|某某县人民政府", "关于做好2024年春耕生产的通知")]
    [InlineData("西青区“十四五”规划——天津市西青区人民政府", "西青区“十四五”规划")]
    [InlineData("2021-2025年规划", "2021-2025年规划")]
    public void TitleWithoutSite_CutsTheSiteSuffix(string title, string expected) =>
        Assert.Equal(expected, HtmlFacts.TitleWithoutSite(title));

    [Fact]
    public void Read_CmsPage_DropsNavigationBreadcrumbControlsRelatedLinksAndFooter()
    {
        const string page = """
            <html><body>
            <div class="top"><a href="/">首页</a> <a href="/zw">政务公开</a> <a href="/bs">办事服务</a> <a href="/hd">互动交流</a></div>
            <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zc">政策文件</a> &gt; 正文</div>
            <div class="main">
              <h1>西青区关于促进中小企业发展的若干措施</h1>
              <div class="info">发布时间：2024-03-01 【字号：大 中 小】 打印 关闭</div>
              <div id="zoom">
                <p>为进一步激发市场主体活力，促进中小企业高质量发展，结合我区实际，制定以下措施。</p>
                <p><strong>一、加大财政支持力度</strong></p>
                <p>对首次认定的专精特新中小企业，给予一次性奖励，所需资金由区财政统筹安排。</p>
                <p>本措施自印发之日起施行，有效期三年。</p>
              </div>
              <div class="share">分享到： 微信 微博</div>
              <div>下载打印全屏收藏【字号：</div>
              <div class="xgwj"><p>相关报道：</p><ul>
                <li><a href="/a.htm">西青区召开中小企业座谈会</a></li>
                <li><a href="/b.htm">西青区出台新一轮惠企政策</a></li>
                <li><a href="/c.htm">一图读懂促进中小企业发展措施</a></li></ul></div>
              <p>上一篇：<a href="/p.htm">西青区关于做好春耕生产的通知</a></p>
            </div>
            <div class="bottom"><p>版权所有：天津市西青区人民政府 主办单位：天津市西青区人民政府办公室</p>
            <p>网站标识码：1201110001 津ICP备05004646号</p></div>
            </body></html>
            """;

        var lines = HtmlReader.Instance.ReadLines(Encoding.UTF8.GetBytes(page));

        Assert.Equal(
        [
            "西青区关于促进中小企业发展的若干措施",
            "为进一步激发市场主体活力，促进中小企业高质量发展，结合我区实际，制定以下措施。",
            "一、加大财政支持力度",
            "对首次认定的专精特新中小企业，给予一次性奖励，所需资金由区财政统筹安排。",
            "本措施自印发之日起施行，有效期三年。",
        ], lines.Select(l => l.Text));
        Assert.True(lines[0].IsMarkupHeading);
        Assert.True(lines[2].IsMarkupHeading);
        Assert.False(lines[1].IsMarkupHeading);
    }

    [Fact]
    public void Read_RelatedArticlesBoxWithOneLink_IsDropped()
    {
        const string page = """
            <html><body><div class="main">
              <div class="reldocs"><h3><span>关联稿件：</span></h3><ul>
                <li><a href="/a.shtml">图文解读：《某县2022年国民经济和社会发展统计公报》</a> <span>2023-07-12</span></li></ul></div>
              <div id="zoom">
                <p>2022年，全县上下坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升。</p>
                <p>全年实现生产总值262.6亿元，按可比价格计算，同比增长5.3％。</p>
              </div>
              <h3>相关文章</h3>
              <ul><li><a href="/b.shtml">某县2021年国民经济和社会发展统计公报</a></li></ul>
            </div></body></html>
            """;

        var lines = HtmlReader.Instance.ReadLines(Encoding.UTF8.GetBytes(page));

        Assert.DoesNotContain(lines, l => l.Text.Contains("关联稿件", StringComparison.Ordinal)
            || l.Text.Contains("相关文章", StringComparison.Ordinal) || l.Text.Contains("图文解读", StringComparison.Ordinal)
            || l.Text.Contains("2021年", StringComparison.Ordinal));
        Assert.StartsWith("2022年，全县上下", lines[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void Read_PageStatistics_AreDroppedAndTheRestOfTheLineKept()
    {
        const string page = """
            <html><body><div id="zoom">
              <div class="attr"><span>访问量：<b>1632</b></span> <i class="print"></i></div>
              <div>发布时间：2024-03-01 浏览次数：35次</div>
              <div>点击数：</div>
              <p>全年接待游客访问量增长明显，网站访问量：达到120万人次，比上年增长8.2%，线上服务能力持续提升，群众满意度进一步提高。</p>
            </div></body></html>
            """;

        var lines = HtmlReader.Instance.ReadLines(Encoding.UTF8.GetBytes(page));

        Assert.Equal(
        [
            "发布时间：2024-03-01",
            "全年接待游客访问量增长明显，网站访问量：达到120万人次，比上年增长8.2%，线上服务能力持续提升，群众满意度进一步提高。",
        ], lines.Select(l => l.Text));
    }

    [Fact]
    public void Read_TitleAboveAContentBlockThatStartsWithRelatedLinks_TitleIsTheFirstHeading()
    {
        const string page = """
            <html><body><div class="main">
              <h1 class="article-title">某县2022年国民经济和社会发展统计公报</h1>
              <div id="zoom">
                <h3>关联稿件：</h3><ul><li><a href="/a.shtml">图文解读：《某县2022年统计公报》</a></li></ul>
                <p>某县统计局<br>（2023年5月）</p>
                <p>2022年，全县上下坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升。</p>
                <p>全年实现生产总值262.6亿元，按可比价格计算，同比增长5.3％。</p>
              </div>
            </div></body></html>
            """;

        var lines = HtmlReader.Instance.ReadLines(Encoding.UTF8.GetBytes(page));

        Assert.Equal("某县2022年国民经济和社会发展统计公报", lines[0].Text);
        Assert.True(lines[0].IsMarkupHeading);
        Assert.Equal("某县统计局", lines[1].Text);
        Assert.Single(lines, l => l.IsMarkupHeading);
    }

    [Fact]
    public void Read_NoHeadingAnywhere_TheTitleFactIsTheFirstHeading()
    {
        const string page = """
            <html><head><meta charset="utf-8"><title>某县2015年国民经济和社会发展统计公报 | 某县人民政府</title></head>
            <body><div id="zoom">
              <p>某县统计局</p>
              <p>2015年，全县上下坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升。</p>
            </div></body></html>
            """;

        var document = HtmlReader.Instance.Read(Encoding.UTF8.GetBytes(page), IngestLimits.Default);

        Assert.Equal("某县2015年国民经济和社会发展统计公报", document.Facts.Title);
        Assert.Equal(["某县2015年国民经济和社会发展统计公报", "某县统计局"], document.Lines.Take(2).Select(l => l.Text));
        Assert.True(document.Lines[0].IsMarkupHeading);
        Assert.Equal([1, 2, 3], document.Lines.Select(l => l.Number));
    }

    [Fact]
    public void Read_FirstLineSaysTheTitleFact_ItBecomesTheHeadingOnce()
    {
        const string page = """
            <html><head><meta name="ArticleTitle" content="关于做好2024年春耕生产的通知"></head>
            <body><div id="zoom">
              <p>关于做好2024年春耕生产的通知</p>
              <p>各乡镇人民政府，县直各单位：为切实做好今年春耕生产工作，确保粮食稳产增产，现将有关事项通知如下。</p>
            </div></body></html>
            """;

        var lines = HtmlReader.Instance.ReadLines(Encoding.UTF8.GetBytes(page));

        Assert.Equal(2, lines.Count);
        Assert.Equal("关于做好2024年春耕生产的通知", lines[0].Text);
        Assert.True(lines[0].IsMarkupHeading);
    }

    [Fact]
    public void Read_LayoutTableAndDataTable_OnlyTheDataTableGivesRows()
    {
        const string page = """
            <html><body><table width="900"><tr><td>
              <table><tr><td>为加快推进重点项目建设，现将2024年度重点项目安排印发给你们，请结合实际认真组织实施，确保各项目按期完成，形成实物工作量。各单位要加强统筹协调，及时解决项目推进中遇到的困难和问题。</td></tr>
              <tr><td>各街镇、各部门要明确责任分工，建立工作台账，每月报送项目进展情况，区发展改革委汇总后报区政府。</td></tr></table>
              <table border="1"><tr><th>项目名称</th><th>总投资（亿元）</th><th>建设地点</th></tr>
              <tr><td>中芯国际T2产能扩充项目</td><td>12.5</td><td>西青开发区</td></tr>
              <tr><td>南站科技商务区综合体</td><td>8.3</td><td>张家窝镇</td></tr></table>
            </td></tr></table></body></html>
            """;

        var lines = HtmlReader.Instance.ReadLines(Encoding.UTF8.GetBytes(page));

        Assert.Equal(5, lines.Count);
        Assert.False(lines[0].IsRow);
        Assert.StartsWith("为加快推进重点项目建设", lines[0].Text, StringComparison.Ordinal);
        Assert.False(lines[1].IsRow);
        Assert.Equal("项目名称 | 总投资（亿元） | 建设地点", lines[2].Text);
        Assert.Equal("中芯国际T2产能扩充项目 | 12.5 | 西青开发区", lines[3].Text);
        Assert.All(lines.Skip(2), l => Assert.True(l.IsRow));
    }

    [Fact]
    public void Read_HundredThousandNestedDivs_RefusedWithTheNamedLimit()
    {
        var bytes = Nested("div", 100_000);

        var error = Assert.Throws<UnreadableDocumentException>(() => HtmlReader.Instance.Read(bytes, IngestLimits.Default));

        Assert.Equal(ProblemCodes.DocumentTooLarge, error.Code);
        Assert.Equal("HTML nested deeper than 512 elements (limit Ingestion:MaxNestingDepth)", error.Reason);
    }

    [Fact]
    public void Read_NestingTheByteScanCannotSee_RefusedAfterParsing()
    {
        // Table cells and rows close themselves, so the scan counts only the 50 tables; the tree is 200 deep.
        var bytes = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<table><tr><td>", 50))
            + "正文" + "</body></html>");
        var limits = IngestLimits.Default with { MaxNestingDepth = 100 };
        Assert.False(HtmlDepthScan.Exceeds(bytes, limits.MaxNestingDepth));

        var error = Assert.Throws<UnreadableDocumentException>(() => HtmlReader.Instance.Read(bytes, limits));

        Assert.Equal("HTML nested deeper than 100 elements (limit Ingestion:MaxNestingDepth)", error.Reason);
    }

    [Fact]
    public void Read_TenThousandNestedDivs_ReadWhenTheLimitAllowsIt()
    {
        var bytes = Nested("div", 10_000);
        Assert.Throws<UnreadableDocumentException>(() => HtmlReader.Instance.Read(bytes, IngestLimits.Default));

        var lines = HtmlReader.Instance.Read(bytes, IngestLimits.Default with { MaxNestingDepth = 20_000 }).Lines;

        Assert.Equal(["最深处的正文。"], lines.Select(l => l.Text));
    }

    [Fact]
    public void DepthScan_IgnoresVoidSelfClosingCommentsAndScripts()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<p>段落<br><img src=x><!-- <div> -->", 1000))
            + "<script>for (var i = 0; i < 9; i++) { s += '<div>'; }</script><div><span>文字</span></div></body></html>";

        Assert.Equal(2, HtmlDepthScan.MaxDepth(Encoding.UTF8.GetBytes(html)));
    }

    private static ExtractedDocument Read(string file) =>
        HtmlReader.Instance.Read(File.ReadAllBytes(Path.Combine(Folder, file)), IngestLimits.Default);

    private static byte[] Nested(string tag, int depth) =>
        Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + "最深处的正文。"
            + string.Concat(Enumerable.Repeat($"</{tag}>", depth)) + "</body></html>");
}

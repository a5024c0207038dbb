using System.Diagnostics;
using System.Text.RegularExpressions;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Problems;
using Xunit.Abstractions;

namespace XiqingSearch.Core.Tests.Ingestion.Formats;

/// <summary>
/// Real documents from several producing tools (<c>tests/Fixtures/Documents/real/</c>, see its SOURCES.md): a gov.cn
/// notice printed by Chromium and by LibreOffice, the same notice set in two columns, a WPS-made statistics report,
/// and a Word-made DOCX. Wrapped lines are judged against poppler's <c>pdftotext</c>.
/// </summary>
public sealed partial class RealDocumentTests(ITestOutputHelper output)
{
    private const string NoticeTitle = "国务院关于支持自由贸易试验区深化改革创新若干措施的通知";

    private static readonly string Folder = Path.Combine(DocumentFixtures.Folder, "real");

    public static TheoryData<string> Pdfs =>
    [
        "guofa-2018-38.chromium.pdf",
        "guofa-2018-38.libreoffice.pdf",
        "guofa-2018-38.two-column.chromium.pdf",
        "shenzhen-2021-gender.wps.pdf",
    ];

    public static TheoryData<string> All =>
    [
        "guofa-2018-38.chromium.pdf",
        "guofa-2018-38.libreoffice.pdf",
        "guofa-2018-38.two-column.chromium.pdf",
        "shenzhen-2021-gender.wps.pdf",
        "gwy-2022-dagang.docx",
        "guofa-2018-38.html",
    ];

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void Pdf_EveryPhraseAcrossAWrappedLine_IsFoundInOneParagraph(string name)
    {
        var document = Read(name);
        var paragraphs = document.Paragraphs.Select(p => Squeeze(p.Text)).ToList();
        // A title, heading or caption standing alone ends without punctuation but wraps nothing.
        var standalone = document.Paragraphs
            .Where(p => p.Kind == ParagraphKind.Heading || !EndsClause().IsMatch(p.Text))
            .Select(p => Squeeze(p.Text)).ToHashSet();
        var lines = PdfToText(name).Split('\n').Select(Squeeze).ToList();
        // A wrapped line is a full one: as long as most lines of the text (pdftotext keeps the PDF's lines), not
        // ending a sentence or a parenthesis; the 6 characters across its end must be in one paragraph.
        var width = lines.Where(l => l.Length >= 10).GroupBy(l => l.Length).OrderByDescending(g => g.Count()).First().Key;
        var sampled = 0;
        var missed = new List<string>();
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var (line, next) = (lines[i], lines[i + 1]);
            if (line.Length < width * 0.9 || next.Length < 3 || EndsClause().IsMatch(line) || standalone.Contains(line))
            {
                continue;
            }
            var phrase = line[^3..] + next[..3];
            sampled++;
            if (!paragraphs.Any(p => p.Contains(phrase, StringComparison.Ordinal)))
            {
                missed.Add($"{line[^Math.Min(12, line.Length)..]} ⏎ {next[..Math.Min(12, next.Length)]}");
            }
        }
        output.WriteLine($"{name}: {sampled - missed.Count}/{sampled} phrases across wrapped lines found");
        Assert.True(sampled >= 20, $"only {sampled} wrapped lines");
        Assert.True(missed.Count == 0, string.Join("\n", missed));
    }

    [Theory]
    [InlineData("guofa-2018-38.chromium.pdf")]
    [InlineData("guofa-2018-38.libreoffice.pdf")]
    public void Pdf_PhrasesOfTheNotice_AreFoundAsOftenAsPdfToTextHasThem(string name)
    {
        var paragraphs = Read(name).Paragraphs.Select(p => Squeeze(p.Text)).ToList();
        var text = Squeeze(PdfToText(name));
        foreach (var phrase in new[] { "临床前沿医疗技术", "允许外国航空公司", "自贸试验区", "负责部门", "适用范围" })
        {
            var expected = Regex.Count(text, Regex.Escape(phrase));
            Assert.True(expected > 0, phrase);
            Assert.Equal(expected, paragraphs.Sum(p => Regex.Count(p, Regex.Escape(phrase))));
        }
    }

    [Theory]
    [InlineData("guofa-2018-38.chromium.pdf", true)]
    [InlineData("guofa-2018-38.libreoffice.pdf", false)]
    [InlineData("guofa-2018-38.two-column.chromium.pdf", true)]
    public void Pdf_NumberedItemsRunningPastTheirLine_AreParagraphs_NotHeadings(string name, bool indented)
    {
        var paragraphs = Read(name).Paragraphs;
        var headings = paragraphs.Where(p => p.Kind == ParagraphKind.Heading).Select(p => p.Text).ToList();
        output.WriteLine(string.Join("\n", headings));
        Assert.All(headings, h => Assert.True(HeadingRecognizer.HasHeadingShape(Squeeze(h)), h));
        Assert.DoesNotContain(headings, h => h.Contains("负责部门", StringComparison.Ordinal));
        if (!indented)
        {
            // Items set flush left whose last line falls a little short of the margin still run on into the next
            // item (only a clearly short line, or an indented next line, ends a paragraph).
            return;
        }
        // Every item "（十）…" starts its own paragraph: none runs on into the next.
        Assert.DoesNotContain(paragraphs, p => ItemStart().Count(p.Text) > 1);
        var items = paragraphs.Count(p => ItemStart().IsMatch(p.Text) && p.Text.StartsWith('（'));
        Assert.Equal(name.Contains("two-column", StringComparison.Ordinal) ? 24 : 53, items);
    }

    [Theory]
    [InlineData("guofa-2018-38.chromium.pdf")]
    [InlineData("guofa-2018-38.libreoffice.pdf")]
    public void Pdf_TitleAndDocumentNumber_AreSeparate(string name)
    {
        var document = Read(name);
        Assert.Equal(NoticeTitle, document.Title);
        Assert.Equal(NoticeTitle, document.Facts.Title);
        Assert.Contains(document.Paragraphs, p => p.Text == "国发〔2018〕38号");
        Assert.DoesNotContain(document.Paragraphs, p => p.Text.Contains("通知国发", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_TwoColumnPage_IsReadColumnByColumn()
    {
        // The page's source: one <p> per item, in order; the PDF sets them in two columns.
        var html = File.ReadAllText(Path.Combine(Folder, "guofa-2018-38.two-column.html"));
        var expected = Regex.Matches(html, "<p>([^<]*)</p>").Select(m => Squeeze(m.Groups[1].Value)).ToList();
        var read = Read("guofa-2018-38.two-column.chromium.pdf").Paragraphs
            .Where(p => p.Text != NoticeTitle).Select(p => Squeeze(p.Text)).ToList();
        Assert.Equal(24, expected.Count);
        Assert.Equal(expected, read);
    }

    [Fact]
    public void Pdf_MadeByWps_HasItsTitleYearAndCreationDate()
    {
        var document = Read("shenzhen-2021-gender.wps.pdf");
        Assert.Equal("2021年深圳市社会性别统计报告", document.Title);
        Assert.Equal(2021, document.Year);
        Assert.Null(document.Facts.Title);
        Assert.Equal(new DateOnly(2022, 12, 2), document.Facts.FileCreated);
        // The issuers under the cover title are not part of it.
        Assert.DoesNotContain(document.Paragraphs, p => p.Text.StartsWith("2021年深圳市社会性别统计报告深圳", StringComparison.Ordinal));
    }

    [Fact]
    public void Docx_MadeByWord_HasHeadingsFromItsStyle_TitleAndCreationDate()
    {
        var document = Read("gwy-2022-dagang.docx");
        const string title = "中央机关及其直属机构2022年度考试录用公务员公共科目笔试考试大纲";
        Assert.Equal(title, document.Title);
        Assert.Equal(title, document.Facts.Title);
        Assert.Equal(new DateOnly(2014, 10, 30), document.Facts.FileCreated);
        var headings = document.Paragraphs.Where(p => p.Kind == ParagraphKind.Heading).Select(p => p.Text).ToList();
        Assert.Contains("一、笔试内容", headings);
        Assert.Contains("二、行政职业能力测验", headings);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void AnyFormat_HasNoRadicalLookAlike_InAnyParagraph(string name)
    {
        var document = Read(name);
        Assert.NotEmpty(document.Paragraphs);
        Assert.All(document.Paragraphs, p => Assert.DoesNotContain(p.Text, c => c is >= '\u2E80' and <= '\u2FDF'));
    }

    [Fact]
    public void Pdf_OverMaxPages_IsRefusedNamingTheLimit()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "guofa-2018-38.chromium.pdf"));
        var refused = Assert.Throws<UnreadableDocumentException>(
            () => PdfReader.Instance.Read(bytes, IngestLimits.Default with { MaxPages = 2 }));
        Assert.Equal(ProblemCodes.DocumentTooLarge, refused.Code);
        Assert.Equal("4 pages, over the limit of 2 (Ingestion:MaxPages)", refused.Reason);
    }

    [Fact]
    public void Pdf_WithHundredThousandNestedArrays_IsCorruptTooDeep_NotNeedsOcr()
    {
        var nested = new string('[', 100_000) + new string(']', 100_000);
        var body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            + $"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots {nested} >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n";
        var refused = Assert.Throws<UnreadableDocumentException>(
            () => DocumentReaders.Read("deep.pdf", System.Text.Encoding.ASCII.GetBytes(body), IngestLimits.Default));
        output.WriteLine(refused.Reason);
        Assert.Equal(ProblemCodes.DocumentCorrupt, refused.Code);
        Assert.Contains("over the limit of 512 (Ingestion:MaxNestingDepth)", refused.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("OCR", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Microsoft Word - 通知.docx", null)]
    [InlineData("untitled", null)]
    [InlineData("国务院关于推进政务新媒体健康有序发展的意见_政府信息公开专栏", "国务院关于推进政务新媒体健康有序发展的意见")]
    [InlineData("关于印发工作要点的通知", "关于印发工作要点的通知")]
    [InlineData("文件1.pdf", null)]
    public void PdfInfoTitle_IsKeptOnlyWhenItReadsAsATitle(string info, string? expected) =>
        Assert.Equal(expected, PdfReader.RealTitle(info));

    private static SourceDocument Read(string name) => DocumentFixtures.Read(Path.Combine(Folder, name));

    private static string PdfToText(string name)
    {
        var info = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-enc");
        info.ArgumentList.Add("UTF-8");
        info.ArgumentList.Add(Path.Combine(Folder, name));
        info.ArgumentList.Add("-");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("pdftotext (poppler-utils) is needed");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        // pdftotext keeps the look-alike radicals the fonts map to; compare as the reader shows them.
        return string.Join('\n', text.Replace('\f', '\n').Split('\n').Select(ExtractedText.Clean));
    }

    private static string Squeeze(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    [GeneratedRegex(@"[。：:！？；）)]$")]
    private static partial Regex EndsClause();

    [GeneratedRegex(@"（[一二三四五六七八九十]+）")]
    private static partial Regex ItemStart();
}

using XiqingSearch.Core.Ingestion.Ocr;

namespace XiqingSearch.Core.Tests.Ingestion.Ocr;

/// <summary>Tesseract's TSV read into lines, and lines into the splitter's lines, on inline TSV.</summary>
public sealed class TesseractTsvTests
{
    private const string Header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    private static string Word(int block, int par, int line, int word, int left, int top, double conf, string text) =>
        $"5\t1\t{block}\t{par}\t{line}\t{word}\t{left}\t{top}\t40\t40\t{conf.ToString(System.Globalization.CultureInfo.InvariantCulture)}\t{text}\n";

    [Fact]
    public void Parse_WordsOfOneLine_SpacesOnlyBetweenLatinWordsAndMeanConfidence()
    {
        var tsv = Header + "4\t1\t1\t1\t1\t0\t100\t100\t900\t40\t-1\t\n"
            + Word(1, 1, 1, 1, 100, 100, 90, "发展")
            + Word(1, 1, 1, 2, 150, 100, 80, "5G")
            + Word(1, 1, 1, 3, 200, 100, 70, "AI")
            + Word(1, 1, 1, 4, 250, 100, 60, "产业")
            + Word(1, 1, 1, 5, 300, 100, 100, ",")
            + Word(1, 1, 1, 6, 350, 100, 100, "2023")
            + Word(1, 1, 1, 7, 400, 100, 100, "年");
        var line = Assert.Single(TesseractTsv.Parse(tsv));
        Assert.Equal("发展5G AI产业，2023年", line.Text);
        Assert.Equal(0.857, line.Confidence, 3);
        Assert.Equal(7, line.Words);
        Assert.Equal((100, 100, 440, 140), (line.Left, line.Top, line.Right, line.Bottom));
    }

    [Fact]
    public void Parse_MalformedAndNonWordRows_AreIgnored()
    {
        var tsv = Header + "5\t1\tx\t1\t1\t1\t0\t0\t1\t1\t90\t坏\n" + "5\t1\t1\t1\t1\n" + Word(1, 1, 1, 1, 0, 0, -1, "好");
        var line = Assert.Single(TesseractTsv.Parse(tsv));
        Assert.Equal("好", line.Text);
        Assert.Equal(0, line.Confidence);
    }

    [Fact]
    public void Lines_IndentedNextLineAndShortLastLine_EndTheParagraph()
    {
        // Column 100..1000, lines 40 high: a paragraph of two lines (the first indented), then an indented one.
        OcrLine Line(int n, int left, int right, string text) => new(1, 1, 1, text, left, 100 + (n * 60), right, 140 + (n * 60), 0.9, 10);
        var lines = OcrLayout.Lines(
        [
            Line(0, 180, 1000, "一年来，全区上下坚持以习近平新时代中国特色社会主义思想为指导，深入"),
            Line(1, 100, 1000, "贯彻落实党中央和市委、区委决策部署，坚持稳中求进工作总基调，奋力推动"),
            Line(2, 100, 500, "实现高质量发展。"),
            Line(3, 180, 1000, "全年预计实现地区生产总值同比增长3%左右；实现一般公共预算收入70亿元，"),
            Line(4, 100, 1000, "同比增长4.2%；居民人均可支配收入达到49200元。各项主要经济指标继续"),
            Line(5, 450, 650, "一 3 一"),
        ]);
        Assert.Equal([false, false, true, false, false, true], lines.Select(l => l.EndsBlock));
        Assert.All(lines, l => Assert.True(l.Ocr));
        Assert.Equal("— 3 —", lines[^1].Text);
    }

    [Fact]
    public void Lines_StrayLowConfidenceMarksAtThePageEdges_AreDropped()
    {
        var lines = OcrLayout.Lines(
        [
            new OcrLine(1, 1, 1, "印", 900, 20, 940, 60, 0.3, 1),
            new OcrLine(1, 2, 1, "全区经济社会发展稳中有进。", 100, 200, 1000, 240, 0.95, 8),
            new OcrLine(1, 3, 1, "——", 100, 300, 300, 340, 0.9, 1),
            new OcrLine(1, 4, 1, "丶", 800, 3000, 820, 3020, 0.2, 1),
        ]);
        Assert.Equal("全区经济社会发展稳中有进。", Assert.Single(lines).Text);
    }
}

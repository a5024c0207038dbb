using System.Text;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Ingestion;

public class TextDecoderTests
{
    /// <summary>Real text: the first 3,000 characters of seed 000 (an annual plan).</summary>
    private static readonly string s_seed = File.ReadAllText(Path.Combine(SeedsFolder.Path, "000_313d8db390bab93c.txt"))[..3000];

    /// <summary>A traditional-character passage as a Taiwan or Hong Kong office writes it (Big5 holds every character).</summary>
    private const string Traditional = "臺北市政府關於印發本年度國民經濟和社會發展計劃的通知\n\n各區公所、市政府各機關：\n"
        + "現將《臺北市國民經濟和社會發展計劃》印發給你們，請結合實際，認真組織實施。"
        + "過去一年，全市經濟運行穩中有進，產業結構持續優化，城市建設加快推進，人民生活水準不斷提高。\n"
        + "二、主要任務\n（一）推動產業轉型升級。加快發展現代服務業，支持企業技術創新，擴大有效投資。\n";

    private static Encoding Strict(string name) =>
        Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Decode_Utf8WithBom_DropsBom()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("西青区")).ToArray();

        var result = TextDecoder.Decode(bytes, "/seeds/a.txt");

        Assert.True(result.IsSuccess);
        Assert.Equal("西青区", result.Value);
    }

    [Theory]
    [InlineData("GB18030", TextDecoder.Gb18030)]
    [InlineData("GBK", TextDecoder.Gb18030)]
    [InlineData("utf-16LE", TextDecoder.Utf16Le)]
    [InlineData("utf-16BE", TextDecoder.Utf16Be)]
    [InlineData("utf-8", TextDecoder.Utf8)]
    public void Decode_SeedTextInEncoding_DecodesToTheSameText(string encoding, string detected)
    {
        // GBK lacks a few characters GB18030 has: the expected text is what GBK can hold.
        var target = Encoding.GetEncoding(encoding);
        var expected = target.GetString(target.GetBytes(s_seed));
        var bytes = target.GetBytes(expected);

        var result = TextDecoder.Decode(bytes, "/seeds/plan.txt");

        Assert.True(result.IsSuccess, string.Join("; ", result.Problems));
        Assert.Equal(expected, result.Value);
        Assert.Equal(detected, TextDecoder.Detect(bytes));
    }

    [Theory]
    [InlineData("utf-16LE", new byte[] { 0xFF, 0xFE })]
    [InlineData("utf-16BE", new byte[] { 0xFE, 0xFF })]
    public void Decode_Utf16WithBom_DropsBomAndDecodes(string encoding, byte[] bom)
    {
        var bytes = bom.Concat(Encoding.GetEncoding(encoding).GetBytes(s_seed)).ToArray();

        var result = TextDecoder.Decode(bytes, "/seeds/plan.txt");

        Assert.True(result.IsSuccess, string.Join("; ", result.Problems));
        Assert.Equal(s_seed, result.Value);
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public void Decode_Utf16WithoutAnyAsciiCharacter_IsTextNotBinary(string encoding)
    {
        // No digit, space or line break: not one NUL byte to show the pattern; the legacy scorer must find it.
        const string text = "西青区人民政府关于印发国民经济和社会发展计划的通知各街镇人民政府区政府各委办局现将计划印发给你们请认真贯彻执行";
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text);

        var result = TextDecoder.Decode(bytes, "/seeds/notice.txt");

        Assert.True(result.IsSuccess, string.Join("; ", result.Problems));
        Assert.Equal(text, result.Value);
    }

    [Fact]
    public void Decode_Big5TraditionalText_DecodesAsBig5NotGbk()
    {
        var bytes = Strict("big5").GetBytes(Traditional);

        var result = TextDecoder.Decode(bytes, "/seeds/tw.txt");

        Assert.True(result.IsSuccess, string.Join("; ", result.Problems));
        Assert.Equal(Traditional, result.Value);
        Assert.Equal(TextDecoder.Big5, TextDecoder.Detect(bytes));
    }

    [Fact]
    public void Decode_ShortGbkLine_DecodesAsGb18030NotBig5()
    {
        var text = "西青区2026年国民经济和社会发展规划。";
        var bytes = Strict("GB18030").GetBytes(text);

        Assert.Equal(text, TextDecoder.Decode(bytes, "gbk.txt").Value);
        Assert.Equal(TextDecoder.Gb18030, TextDecoder.Detect(bytes));
    }

    [Fact]
    public void Decode_BytesNoEncodingReads_RefusedWithFileOffset()
    {
        // 0x80 and 0xFF are lead bytes in neither GB18030 nor Big5, and an odd length rules out UTF-16.
        var bytes = Encoding.UTF8.GetBytes("ab").Concat(new byte[] { 0xC3, 0x28, 0xFF, 0x80, 0xFF }).ToArray();

        var result = TextDecoder.Decode(bytes, "/seeds/bad.txt");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.InvalidUtf8, problem.Code);
        Assert.Equal(2L, problem.ByteOffset);
        Assert.Equal("/seeds/bad.txt", problem.Source);
        Assert.Contains("bad.txt", problem.Message, StringComparison.Ordinal);
        Assert.Contains("offset 2", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0A })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x20, 0x00, 0x0A, 0x00 })]
    public void Decode_EmptyOrWhitespace_ReportsEmptyFile(byte[] bytes)
    {
        var result = TextDecoder.Decode(bytes, "empty.txt");

        Assert.Equal(ProblemCodes.EmptyFile, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Decode_NulBytes_ReportsBinaryFileAtOffset()
    {
        var bytes = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 };

        var result = TextDecoder.Decode(bytes, "archive.txt");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.BinaryFile, problem.Code);
        Assert.Equal(4L, problem.ByteOffset);
        Assert.Contains("archive.txt", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RealBinaryFile_IsBinaryNotUtf16()
    {
        // A real PDF: NULs in no UTF-16 pattern, and control bytes.
        var pdf = File.ReadAllBytes(Path.Combine(Testing.RepositoryRoot.Path, "tests", "Fixtures", "Documents", "bad-scanned.pdf"));

        var result = TextDecoder.Decode(pdf, "scan.txt");

        Assert.Equal(ProblemCodes.BinaryFile, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void ReadCorpus_FolderWithGb18030AndEmptyFile_ReadsTheTextAndSkipsTheEmptyOne()
    {
        var folder = Directory.CreateTempSubdirectory("xiqing-ingest-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.txt"), "西青区2024年国民经济和社会发展计划\n一、总则\n\n西青区政府工作。\n");
            File.WriteAllBytes(Path.Combine(folder.FullName, "b.txt"), Encoding.GetEncoding("GB18030").GetBytes("西青区2023年政府工作报告\n\n天开西青园建设加快推进。\n"));
            File.WriteAllBytes(Path.Combine(folder.FullName, "c.md"), []);

            var result = CorpusReader.ReadCorpus(folder.FullName).ValueOrThrow();

            Assert.Equal(["a", "b"], result.Documents.Select(d => d.File.Id));
            Assert.Contains(result.Documents[1].Paragraphs, p => p.Text.Contains("天开西青园", StringComparison.Ordinal));
            var skipped = Assert.Single(result.Skipped);
            Assert.Equal(("c.md", ProblemCodes.EmptyFile), (skipped.File, skipped.Code));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

using System.Text;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Ingestion;

public class Utf8ReaderTests
{
    [Fact]
    public void Decode_Utf8WithBom_DropsBom()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("西青区")).ToArray();

        var result = Utf8Reader.Decode(bytes, "/seeds/a.txt");

        Assert.True(result.IsSuccess);
        Assert.Equal("西青区", result.Value);
    }

    [Fact]
    public void Decode_Gb18030Bytes_RefusedWithFileOffsetAndHint()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var prefix = Encoding.UTF8.GetBytes("abc\n");
        var bytes = prefix.Concat(Encoding.GetEncoding("GB18030").GetBytes("西青区人民政府")).ToArray();

        var result = Utf8Reader.Decode(bytes, "/seeds/gbk.txt");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.InvalidUtf8, problem.Code);
        Assert.Equal(new TextSpan(4, 5), problem.Span);
        Assert.Equal("/seeds/gbk.txt", problem.Source);
        Assert.Contains("gbk.txt", problem.Message, StringComparison.Ordinal);
        Assert.Contains("offset 4", problem.Message, StringComparison.Ordinal);
        Assert.Contains("GB18030", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InvalidBytesNotGb18030_RefusedWithoutHint()
    {
        var bytes = Encoding.UTF8.GetBytes("ab").Concat(new byte[] { 0xC3, 0x28, 0xFF }).ToArray();

        var result = Utf8Reader.Decode(bytes, "bad.txt");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.InvalidUtf8, problem.Code);
        Assert.Equal(new TextSpan(2, 3), problem.Span);
        Assert.DoesNotContain("GB18030", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0A })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    public void Decode_EmptyOrWhitespace_ReportsEmptyFile(byte[] bytes)
    {
        var result = Utf8Reader.Decode(bytes, "empty.txt");

        Assert.Equal(ProblemCodes.EmptyFile, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Decode_NulBytes_ReportsBinaryFileAtOffset()
    {
        var bytes = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 };

        var result = Utf8Reader.Decode(bytes, "archive.txt");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemCodes.BinaryFile, problem.Code);
        Assert.Equal(new TextSpan(4, 5), problem.Span);
        Assert.Contains("archive.txt", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_FolderWithGb18030File_RefusesWholeRunNamingTheFile()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var folder = Directory.CreateTempSubdirectory("xiqing-ingest-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.txt"), "西青区2024年国民经济和社会发展计划\n一、总则\n\n西青区政府工作。\n");
            File.WriteAllBytes(Path.Combine(folder.FullName, "b.txt"), Encoding.GetEncoding("GB18030").GetBytes("西青区政府工作报告"));
            File.WriteAllBytes(Path.Combine(folder.FullName, "c.md"), []);

            var result = CorpusReader.ReadAll(folder.FullName);

            Assert.False(result.IsSuccess);
            Assert.Equal([ProblemCodes.InvalidUtf8, ProblemCodes.EmptyFile], result.Problems.Select(p => p.Code));
            Assert.EndsWith("b.txt", result.Problems[0].Source, StringComparison.Ordinal);
            Assert.Equal(new TextSpan(0, 1), result.Problems[0].Span);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
